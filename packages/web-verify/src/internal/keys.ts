import { decodeBase64url, fromUtf8 } from './base64url.js';
import type { VerificationCode } from './credentials.js';
import type { WebTrustStore } from './trust-store.js';
import { importPublicJwk, type PublicJwkLike, type WebKey } from './web-crypto.js';

type Found = { keys: readonly WebKey[] } | { code: VerificationCode; message: string };

/**
 * The key of a did:jwk, read from the DID itself: no network, so it is safe for untrusted issuers
 * (their signature is checked though the verdict stays ISSUER_NOT_TRUSTED).
 */
export async function didJwkKey(did: string): Promise<WebKey | undefined> {
  const bytes = decodeBase64url(did.slice('did:jwk:'.length));
  if (bytes === undefined) return undefined;
  try {
    const jwk: unknown = JSON.parse(fromUtf8(bytes));
    if (typeof jwk !== 'object' || jwk === null) return undefined;
    return await importPublicJwk(jwk as PublicJwkLike);
  } catch {
    return undefined;
  }
}

/**
 * The keys to check a signature with, or why there are none, as `keyForSignature` of the Node
 * verifier answers (`NOT_CHECKED`: an untrusted did:web is never fetched). did:jwk keys are looked up
 * by {@link didJwkKey} beforehand, since importing one is asynchronous.
 */
export function keyForSignature(
  trust: WebTrustStore,
  issuer: string,
  kid: unknown,
  trusted: boolean,
  selfCertified?: WebKey,
): Found {
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
    return selfCertified
      ? { keys: [selfCertified] }
      : { code: 'KEY_NOT_FOUND', message: 'the did:jwk holds no usable key' };
  }
  return { code: 'NOT_CHECKED', message: 'the signature of an untrusted issuer is not checked' };
}
