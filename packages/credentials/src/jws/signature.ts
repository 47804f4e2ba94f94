import { createPublicKey, verify as cryptoVerify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { CredentialError } from '../errors.js';
import { algorithmOfKey, ECDSA, ED25519_SIGNATURE_LENGTH, type JoseAlgorithm } from './algorithms.js';
import type { DecodedSecured } from './compact.js';

export { type JoseAlgorithm, SUPPORTED_ALGORITHMS } from './algorithms.js';

/** The algorithm a public JWK can verify, or undefined for keys Passage does not use. */
export function algorithmOfJwk(jwk: JsonWebKey): JoseAlgorithm | undefined {
  return algorithmOfKey(jwk.kty, jwk.crv);
}

/** A public key ready for verification: the KeyObject is imported once and reused. */
export interface VerificationKey {
  alg: JoseAlgorithm;
  key: KeyObject;
}

/** True when two verification keys are the same public key (Node compares the key material). */
export const sameVerificationKey = (a: VerificationKey, b: VerificationKey): boolean =>
  a === b || a.key === b.key || a.key.equals(b.key);

/** Imports a public JWK (P-256, P-384, P-521 or Ed25519) for verification. Throws KEY_NOT_FOUND for other keys. */
export function verificationKeyFromJwk(jwk: JsonWebKey): VerificationKey {
  const alg = algorithmOfJwk(jwk);
  if (alg === undefined)
    throw new CredentialError('KEY_NOT_FOUND', 'the key is not a P-256, P-384, P-521 or Ed25519 public key');
  try {
    const { d: _private, ...publicOnly } = jwk;
    return { alg, key: createPublicKey({ key: publicOnly, format: 'jwk' }) };
  } catch (cause) {
    throw new CredentialError('KEY_NOT_FOUND', 'the public key is not valid', { cause });
  }
}

/**
 * Checks a decoded JWS's signature with node:crypto. ECDSA signatures are raw r||s as JWS writes
 * them (64, 96 or 132 bytes); one of another length is invalid, never an error.
 */
export function signatureIsValid(
  jws: Pick<DecodedSecured, 'signingInput' | 'signature'>,
  key: VerificationKey,
): boolean {
  const { signingInput } = jws;
  const data = typeof signingInput === 'string' ? Buffer.from(signingInput, 'ascii') : signingInput;
  if (key.alg === 'EdDSA') {
    return (
      jws.signature.length === ED25519_SIGNATURE_LENGTH && cryptoVerify(null, data, key.key, jws.signature)
    );
  }
  const { hash, signatureLength } = ECDSA[key.alg];
  if (jws.signature.length !== signatureLength) return false;
  return cryptoVerify(hash, data, { key: key.key, dsaEncoding: 'ieee-p1363' }, jws.signature);
}
