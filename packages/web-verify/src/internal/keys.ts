import { chooseKeys, type KeyChoice, publicJwkOfDid } from './credentials.js';
import type { WebTrustStore } from './trust-store.js';
import { importPublicJwk, type PublicJwkLike, type WebKey } from './web-crypto.js';

/**
 * The key of a did:jwk or did:key, read from the DID itself: no network, so it is safe for untrusted
 * issuers (their signature is checked though the verdict stays ISSUER_NOT_TRUSTED).
 */
export async function didJwkKey(did: string): Promise<WebKey | undefined> {
  const jwk = publicJwkOfDid(did);
  return jwk === undefined ? undefined : importPublicJwk(jwk as unknown as PublicJwkLike);
}

/**
 * The keys to check a signature with, or why there are none: `chooseKeys` of `@passage/credentials`
 * (`NOT_CHECKED`: an untrusted did:web is never fetched). did:jwk and did:key keys are looked up by
 * {@link didJwkKey} beforehand, since importing one is asynchronous.
 */
export function keyForSignature(
  trust: WebTrustStore,
  issuer: string,
  kid: unknown,
  trusted: boolean,
  selfCertified?: WebKey,
): KeyChoice<WebKey> {
  return chooseKeys(trust, issuer, kid, trusted, () => selfCertified);
}
