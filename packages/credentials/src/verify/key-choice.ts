import { isSelfCertifyingDid } from '../did/self-certifying.js';
import type { VerificationCode } from '../errors.js';

// Which keys may have signed a credential or status list: the same answer in the Node verifier
// (keys.ts, Node key objects) and the browser one (Web Crypto keys), hence generic in the key type.

/** The lookups of a trust store that key choice reads; `K` is the platform's imported key. */
export interface KeyLookup<K> {
  /** The trust entry of an issuer DID, if it is trusted (only presence is read). */
  findIssuer(did: string): unknown;
  /** The key a trusted issuer lists under this verification method id. */
  keyFor(kid: string): K | undefined;
  /** Every key a trusted issuer lists (for JWTs that name no `kid`). */
  keysOf(did: string): readonly K[];
}

/** The keys to try, or why there are none. */
export type KeyChoice<K> = { keys: readonly K[] } | { code: VerificationCode; message: string };

/**
 * The keys to check a signature with, or why there are none (`NOT_CHECKED`: an untrusted did:web is
 * never fetched). A did:jwk names its own key, read by `selfCertifiedKey` (no network, so it is safe
 * for untrusted issuers: their signature is checked though the verdict stays ISSUER_NOT_TRUSTED).
 *
 * @param kid The JWS header's `kid`, unchecked.
 * @param trusted Whether `issuer` is in the trust store.
 */
export function chooseKeys<K>(
  trust: KeyLookup<K>,
  issuer: string,
  kid: unknown,
  trusted: boolean,
  selfCertifiedKey: (did: string) => K | undefined,
): KeyChoice<K> {
  // Veramo's VC 1.1 JWTs name no kid: any key the trust list holds for the issuer may have signed.
  if (kid === undefined && trusted) {
    const keys = trust.keysOf(issuer);
    return keys.length > 0
      ? { keys }
      : { code: 'KEY_NOT_FOUND', message: 'the trusted issuer lists no keys' };
  }
  const methodId = methodIdOf(issuer, kid);
  if (methodId !== undefined && (typeof methodId !== 'string' || !methodId.startsWith(`${issuer}#`))) {
    return {
      code: 'KEY_NOT_FOUND',
      message: "the JWS kid does not name one of the issuer's verification methods",
    };
  }
  if (trusted) {
    const key = trust.keyFor(String(methodId));
    return key ? { keys: [key] } : { code: 'KEY_NOT_FOUND', message: 'the trusted issuer lists no such key' };
  }
  if (isSelfCertifyingDid(issuer)) {
    const key = selfCertifiedKey(issuer);
    return key
      ? { keys: [key] }
      : { code: 'KEY_NOT_FOUND', message: 'the did:jwk or did:key names no usable key' };
  }
  return { code: 'NOT_CHECKED', message: 'the signature of an untrusted issuer is not checked' };
}

/**
 * A `kid` as the verification method id it names: an absolute id as is; a relative one (`#key-1`, or
 * a bare `key-1` such as a JWK thumbprint) as a fragment of the issuer's own identifier, the way a
 * controlled identifier document names its methods. Never lets a kid reach another issuer's keys.
 */
export function methodIdOf(issuer: string, kid: unknown): unknown {
  if (typeof kid !== 'string' || kid === '' || kid.includes(':')) return kid;
  return kid.startsWith('#') ? `${issuer}${kid}` : `${issuer}#${kid}`;
}
