import type { JsonWebKey } from 'node:crypto';
import type { VerificationCode } from '../errors.js';
import { type VerificationKey, verificationKeyFromJwk } from '../jws/signature.js';
import type { TrustStore } from '../trust/trust-store.js';

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
): { keys: readonly VerificationKey[] } | { code: VerificationCode; message: string } {
  // Veramo's VC 1.1 JWTs name no kid: any key the trust list holds for the issuer may have signed.
  if (kid === undefined && trusted) {
    const keys = trust.keysOf(issuer);
    return keys.length > 0
      ? { keys }
      : { code: 'KEY_NOT_FOUND', message: 'the trusted issuer lists no keys' };
  }
  if (kid !== undefined && (typeof kid !== 'string' || !kid.startsWith(`${issuer}#`))) {
    return {
      code: 'KEY_NOT_FOUND',
      message: "the JWS kid does not name one of the issuer's verification methods",
    };
  }
  if (trusted) {
    const key = trust.keyFor(String(kid));
    return key ? { keys: [key] } : { code: 'KEY_NOT_FOUND', message: 'the trusted issuer lists no such key' };
  }
  if (issuer.startsWith('did:jwk:')) {
    const key = didJwkKey(issuer);
    return key ? { keys: [key] } : { code: 'KEY_NOT_FOUND', message: 'the did:jwk holds no usable key' };
  }
  return { code: 'NOT_CHECKED', message: 'the signature of an untrusted issuer is not checked' };
}
