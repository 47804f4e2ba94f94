/**
 * The JOSE algorithms Passage verifies: the ones its authorities sign with (ES256, EdDSA) and the
 * other curves VC-JOSE-COSE credentials and presentations are secured with (ES384, ES512). `none`,
 * HMAC and RSA are never accepted.
 */
export type JoseAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'EdDSA';

/** Every {@link JoseAlgorithm}: what a verifier accepts unless told otherwise. */
export const SUPPORTED_ALGORITHMS: readonly JoseAlgorithm[] = ['ES256', 'ES384', 'ES512', 'EdDSA'];

/** An ECDSA algorithm of JWS (RFC 7518 §3.4): its curve, hash and r||s signature length. */
export interface EcdsaAlgorithm {
  curve: 'P-256' | 'P-384' | 'P-521';
  /** node:crypto's and Web Crypto's names of the hash differ only in case and dash. */
  hash: 'sha256' | 'sha384' | 'sha512';
  webHash: 'SHA-256' | 'SHA-384' | 'SHA-512';
  signatureLength: number;
}

/** The ECDSA algorithms by JWS name. */
export const ECDSA: Readonly<Record<Exclude<JoseAlgorithm, 'EdDSA'>, EcdsaAlgorithm>> = {
  ES256: { curve: 'P-256', hash: 'sha256', webHash: 'SHA-256', signatureLength: 64 },
  ES384: { curve: 'P-384', hash: 'sha384', webHash: 'SHA-384', signatureLength: 96 },
  ES512: { curve: 'P-521', hash: 'sha512', webHash: 'SHA-512', signatureLength: 132 },
};

/** The length of an Ed25519 signature. */
export const ED25519_SIGNATURE_LENGTH = 64;

/** The JWS algorithm a public JWK verifies with, or undefined for keys Passage does not read. */
export function algorithmOfKey(kty: unknown, crv: unknown): JoseAlgorithm | undefined {
  if (kty === 'OKP') return crv === 'Ed25519' ? 'EdDSA' : undefined;
  if (kty !== 'EC') return undefined;
  if (crv === 'P-256') return 'ES256';
  if (crv === 'P-384') return 'ES384';
  return crv === 'P-521' ? 'ES512' : undefined;
}
