import { createPublicKey, verify as cryptoVerify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { CredentialError } from '../errors.js';
import type { PassageAlgorithm } from '../keys/key-material.js';
import type { DecodedJws } from './compact.js';

export { SUPPORTED_ALGORITHMS } from './algorithms.js';

/** The algorithm a public JWK can verify, or undefined for keys Passage does not use. */
export function algorithmOfJwk(jwk: JsonWebKey): PassageAlgorithm | undefined {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return undefined;
}

/** A public key ready for verification: the KeyObject is imported once and reused. */
export interface VerificationKey {
  alg: PassageAlgorithm;
  key: KeyObject;
}

/** Imports a public JWK (P-256 or Ed25519) for verification. Throws KEY_NOT_FOUND for other keys. */
export function verificationKeyFromJwk(jwk: JsonWebKey): VerificationKey {
  const alg = algorithmOfJwk(jwk);
  if (alg === undefined)
    throw new CredentialError('KEY_NOT_FOUND', 'the key is not a P-256 or Ed25519 public key');
  try {
    const { d: _private, ...publicOnly } = jwk;
    return { alg, key: createPublicKey({ key: publicOnly, format: 'jwk' }) };
  } catch (cause) {
    throw new CredentialError('KEY_NOT_FOUND', 'the public key is not valid', { cause });
  }
}

/** Checks a decoded JWS's signature with node:crypto. ES256 signatures are raw r||s (64 bytes). */
export function signatureIsValid(jws: DecodedJws, key: VerificationKey): boolean {
  const data = Buffer.from(jws.signingInput, 'ascii');
  if (key.alg === 'EdDSA')
    return jws.signature.length === 64 && cryptoVerify(null, data, key.key, jws.signature);
  if (jws.signature.length !== 64) return false;
  return cryptoVerify('sha256', data, { key: key.key, dsaEncoding: 'ieee-p1363' }, jws.signature);
}
