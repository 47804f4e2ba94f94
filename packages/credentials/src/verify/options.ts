import type { JoseAlgorithm } from '../jws/algorithms.js';
import type { StatusLookup } from '../status/cache.js';
import type { TrustStore } from '../trust/trust-store.js';

/** The security settings of a verification, all explicit. */
export interface VerifyOptions {
  /** The issuers this verifier trusts, with their keys. */
  trust: TrustStore;
  /** Algorithms accepted in the JWS header. Default: all of `SUPPORTED_ALGORITHMS` (ES256, ES384, ES512, EdDSA). */
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
}

/** The default clock tolerance: a minute covers ordinary device clock drift. */
export const DEFAULT_CLOCK_TOLERANCE_SEC = 60;
