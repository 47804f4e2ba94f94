import { createHash, type KeyObject } from 'node:crypto';
import { FormatIssueError } from '../dcc/issue-error.js';

/** A public signing key as a SMART Health Card issuer publishes it in its JWKS. */
export interface ShcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  use: 'sig';
  alg: 'ES256';
}

/**
 * The JWK of an issuer's P-256 public key for `${iss}/.well-known/jwks.json`, with the kid SMART
 * Health Cards require: the key's RFC 7638 thumbprint (SHA-256 of the required members in
 * lexicographic order, base64url).
 */
export function shcPublicJwk(publicKey: KeyObject): ShcPublicJwk {
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new FormatIssueError('INVALID_ARGUMENT', 'a SMART Health Card key is P-256');
  }
  const { x, y } = publicKey.export({ format: 'jwk' });
  if (x === undefined || y === undefined)
    throw new FormatIssueError('INVALID_ARGUMENT', 'not a public EC key');
  const thumbprintInput = JSON.stringify({ crv: 'P-256', kty: 'EC', x, y });
  const kid = createHash('sha256').update(thumbprintInput).digest('base64url');
  return { kty: 'EC', crv: 'P-256', x, y, kid, use: 'sig', alg: 'ES256' };
}
