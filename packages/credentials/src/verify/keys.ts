import type { JsonWebKey } from 'node:crypto';
import { publicJwkOfDid } from '../did/self-certifying.js';
import { type VerificationKey, verificationKeyFromJwk } from '../jws/signature.js';
import type { TrustStore } from '../trust/trust-store.js';
import { chooseKeys, type KeyChoice } from './key-choice.js';

const selfCertifying = new Map<string, VerificationKey>();
const SELF_CERTIFYING_CACHE_LIMIT = 1_000;

/**
 * The key of a did:jwk or did:key, read from the DID itself: no network, so it is safe for untrusted
 * issuers (their signature can be checked even though the verdict stays ISSUER_NOT_TRUSTED).
 */
function selfCertifiedKey(did: string): VerificationKey | undefined {
  const cached = selfCertifying.get(did);
  if (cached) return cached;
  const jwk = publicJwkOfDid(did);
  if (jwk === undefined) return undefined;
  try {
    const key = verificationKeyFromJwk(jwk as JsonWebKey);
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
  return chooseKeys(trust, issuer, kid, trusted, selfCertifiedKey);
}
