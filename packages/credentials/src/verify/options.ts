import type { JoseAlgorithm } from '../jws/algorithms.js';
import type { StatusLookup } from '../status/cache.js';
import type { TrustStore } from '../trust/trust-store.js';

/**
 * What a verifier asks of a holder's key binding (RFC 9901 §7.3): whether a credential must come with
 * a key binding JWT (KB-JWT), and what that JWT must answer. A KB-JWT proves that whoever presents a
 * credential holds the key the issuer bound it to (`cnf`); its `nonce` and `aud` tie that proof to one
 * transaction with one verifier, so a copied credential cannot be replayed.
 */
export interface KeyBindingPolicy {
  /**
   * A credential without a KB-JWT fails with KEY_BINDING_REQUIRED. Only an SD-JWT can carry one, so any
   * other credential fails too. Default: true when `challenge` or `domain` is given, false otherwise.
   */
  required?: boolean;
  /** The challenge the verifier gave the holder: the KB-JWT's `nonce` must be it (CHALLENGE_MISMATCH). */
  challenge?: string;
  /** The verifier's domain or client id: the KB-JWT's `aud` must name it (DOMAIN_MISMATCH). */
  domain?: string;
  /** How long ago the KB-JWT may have been made (its `iat`), in seconds. Default: 300. */
  maxAgeSec?: number;
}

/** The security settings of a verification, all explicit. */
export interface VerifyOptions {
  /** The issuers this verifier trusts, with their keys. */
  trust: TrustStore;
  /** Algorithms accepted in the JWS header (and a key binding JWT's). Default: all of `SUPPORTED_ALGORITHMS` (ES256, ES384, ES512, EdDSA). */
  algorithms?: readonly JoseAlgorithm[];
  /** The instant to validate against. Default: now. */
  now?: Date;
  /** Leeway for clock skew between issuer and verifier, in seconds. Default: 60. */
  clockToleranceSec?: number;
  /**
   * Status lists already fetched and verified (a `StatusListCache`). Read synchronously; without it, a
   * credential carrying revocation or suspension entries fails with STATUS_UNAVAILABLE.
   */
  status?: StatusLookup;
  /**
   * The key binding asked of the credential (`checks.keyBinding`). Without a policy, an SD-JWT's KB-JWT
   * is checked when there is one (its signature with the `cnf` key, `sd_hash`, and an `iat` not in the
   * future) but not required, and its `nonce`, `aud` and age are not compared with anything.
   */
  keyBinding?: KeyBindingPolicy;
}

/** The default clock tolerance: a minute covers ordinary device clock drift. */
export const DEFAULT_CLOCK_TOLERANCE_SEC = 60;

/**
 * The default age a key binding JWT may reach: a holder makes one when asked, moments before the
 * verifier reads it, so five minutes cover a slow network and a hesitant traveller, not a replay later.
 */
export const DEFAULT_KEY_BINDING_MAX_AGE_SEC = 300;
