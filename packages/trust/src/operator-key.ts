import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import {
  ecOperatorPublicJwkSchema,
  type OperatorAlgorithm,
  type OperatorPublicJwk,
  okpOperatorPublicJwkSchema,
  operatorPrivatePart,
  operatorPublicJwkSchema,
} from './document-schemas.js';
import { TrustListError } from './errors.js';

export {
  OPERATOR_ALGORITHMS,
  type OperatorAlgorithm,
  type OperatorPublicJwk,
  operatorPublicJwkSchema,
} from './document-schemas.js';

/** An operator's private key as kept in `operator.jwk.json`. */
export const operatorPrivateJwkSchema = z.union([
  ecOperatorPublicJwkSchema.extend(operatorPrivatePart),
  okpOperatorPublicJwkSchema.extend(operatorPrivatePart),
]);

/** An operator private JWK. */
export type OperatorPrivateJwk = z.infer<typeof operatorPrivateJwkSchema>;

/** The algorithm an operator key signs with. */
export function algorithmOf(jwk: OperatorPublicJwk | OperatorPrivateJwk): OperatorAlgorithm {
  return jwk.kty === 'EC' ? 'ES256' : 'EdDSA';
}

/** The RFC 7638 JWK thumbprint (SHA-256, base64url): the operator key's `kid`. */
export function jwkThumbprint(jwk: OperatorPublicJwk | OperatorPrivateJwk): string {
  // Required members only, in lexicographic order, no whitespace (RFC 7638 §3.2).
  const members =
    jwk.kty === 'EC'
      ? `{"crv":"${jwk.crv}","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`
      : `{"crv":"${jwk.crv}","kty":"OKP","x":"${jwk.x}"}`;
  return createHash('sha256').update(members, 'utf8').digest('base64url');
}

/** The public half of an operator private JWK, with `kid` and `alg`. */
export function publicJwkOf(jwk: OperatorPrivateJwk): OperatorPublicJwk {
  const kid = jwkThumbprint(jwk);
  return jwk.kty === 'EC'
    ? { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, alg: 'ES256', use: 'sig', kid }
    : { kty: 'OKP', crv: 'Ed25519', x: jwk.x, alg: 'EdDSA', use: 'sig', kid };
}

/**
 * Generates an operator signing key pair (P-256 unless asked for EdDSA). `kid` is the RFC 7638
 * thumbprint, so a verifier can tell which pinned key a document names.
 *
 * @example
 * const { privateJwk, publicJwk } = generateOperatorKey();
 */
export function generateOperatorKey(alg: OperatorAlgorithm = 'ES256'): {
  privateJwk: OperatorPrivateJwk;
  publicJwk: OperatorPublicJwk;
} {
  const pair =
    alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const material = parseOperatorPrivateJwk(pair.privateKey.export({ format: 'jwk' }));
  const publicJwk = publicJwkOf(material);
  const privateJwk = parseOperatorPrivateJwk({ ...material, alg, use: 'sig', kid: publicJwk.kid });
  return { privateJwk, publicJwk };
}

/** Parses a pinned operator public key. Throws OPERATOR_KEY_INVALID (also when a private part is present). */
export function parseOperatorPublicJwk(value: unknown): OperatorPublicJwk {
  const parsed = operatorPublicJwkSchema.safeParse(value);
  if (!parsed.success) throw new TrustListError('OPERATOR_KEY_INVALID', 'not a P-256 or Ed25519 public JWK');
  return parsed.data;
}

/** Parses an operator private key. Throws OPERATOR_KEY_INVALID. */
export function parseOperatorPrivateJwk(value: unknown): OperatorPrivateJwk {
  const parsed = operatorPrivateJwkSchema.safeParse(value);
  if (!parsed.success) throw new TrustListError('OPERATOR_KEY_INVALID', 'not a P-256 or Ed25519 private JWK');
  return parsed.data;
}

/** Imports an operator key into node:crypto. */
export function keyObjectOf(jwk: OperatorPublicJwk | OperatorPrivateJwk): KeyObject {
  const { kid: _kid, alg: _alg, use: _use, ...material } = jwk;
  return 'd' in material
    ? createPrivateKey({ key: material, format: 'jwk' })
    : createPublicKey({ key: material, format: 'jwk' });
}
