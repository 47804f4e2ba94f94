import type { JwtSigner } from '@openid4vc/oauth2';
import { didJwkKey } from './callbacks.js';

const PUBLIC_MEMBERS = ['crv', 'e', 'kty', 'n', 'x', 'y'] as const;

/** The `did:jwk` of a public JWK, from its public members only (RFC 7638 order). */
export function didJwkOf(jwk: Record<string, unknown>): string {
  const members = Object.fromEntries(
    PUBLIC_MEMBERS.filter((m) => typeof jwk[m] === 'string').map((m) => [m, jwk[m]]),
  );
  return `did:jwk:${Buffer.from(JSON.stringify(members)).toString('base64url')}`;
}

/**
 * The holder DID a verified proof binds the credential to: the `did:jwk` of its `kid` (without the
 * fragment), or the `did:jwk` of its `jwk` header. Undefined for any other DID method or key carrier.
 */
export function holderDid(signer: JwtSigner): string | undefined {
  if (signer.method === 'did') {
    const did = signer.didUrl.split('#')[0] ?? '';
    return didJwkKey(did) ? did : undefined;
  }
  if (signer.method === 'jwk') return didJwkOf(signer.publicJwk);
  return undefined;
}
