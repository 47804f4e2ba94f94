import type { JsonWebKey } from 'node:crypto';
import { type VerificationKey, verificationKeyFromJwk } from '../jws/signature.js';
import type { TrustStore } from '../trust/trust-store.js';
import { chooseKeys, type KeyChoice } from './key-choice.js';

const selfCertifying = new Map<string, VerificationKey>();
const SELF_CERTIFYING_CACHE_LIMIT = 1_000;

/**
 * The key of a did:jwk, read from the DID itself: no network, so it is safe for untrusted issuers
 * (their signature can be checked even though the verdict stays ISSUER_NOT_TRUSTED).
 */
function didJwkKey(did: string): VerificationKey | undefined {
  const cached = selfCertifying.get(did);
  if (cached) return cached;
  try {
    const jwk = JSON.parse(
      Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'),
    ) as JsonWebKey;
    const key = verificationKeyFromJwk(jwk);
    if (selfCertifying.size >= SELF_CERTIFYING_CACHE_LIMIT) selfCertifying.clear();
    selfCertifying.set(did, key);
    return key;
  } catch {
    return undefined;
  }
}

/** The key to check a signature with, or why there is none (`NOT_CHECKED`: an untrusted did:web is never fetched). */
export function keyForSignature(
  trust: TrustStore,
  issuer: string,
  kid: unknown,
  trusted: boolean,
): KeyChoice<VerificationKey> {
  return chooseKeys(trust, issuer, kid, trusted, didJwkKey);
}
