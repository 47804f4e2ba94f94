import { createPrivateKey, createPublicKey, type JsonWebKey, sign } from 'node:crypto';
import { algorithmOfKey, ECDSA, type JoseAlgorithm } from '@passage/credentials';
import { CliError } from '../errors.js';
import { isJsonObject, parseJson } from '../io.js';

/** A private key from a key file, ready to sign JWS: its algorithm, its public JWK and its method id. */
export interface SigningKey {
  alg: JoseAlgorithm;
  sign: (data: Uint8Array) => Buffer;
  publicJwk: JsonWebKey;
  /** The verification method id the file names, or the JWK's `kid`. */
  kid?: string;
}

/** The private JWK and its method id in a key file: a JWK with `d`, or a method with `secretKeyJwk`/`privateKeyJwk`. */
function privateJwkOf(text: string, option: string): { jwk: JsonWebKey; id?: string } {
  const value = parseJson(text, option);
  if (isJsonObject(value) && typeof value.d === 'string') return { jwk: value as JsonWebKey };
  for (const member of ['secretKeyJwk', 'privateKeyJwk'] as const) {
    if (isJsonObject(value) && isJsonObject(value[member])) {
      return { jwk: value[member] as JsonWebKey, ...(typeof value.id === 'string' ? { id: value.id } : {}) };
    }
  }
  throw new CliError('INPUT_INVALID', `${option} holds no private JWK`);
}

/**
 * The signing key in the text of a key file given with `option` (`--key`, `--holder-key`): a P-256,
 * P-384, P-521 or Ed25519 private JWK, or a verification method holding one.
 */
export function signingKeyOf(text: string, option: string): SigningKey {
  const { jwk, id } = privateJwkOf(text, option);
  const alg = algorithmOfKey(jwk.kty, jwk.crv);
  if (alg === undefined) {
    throw new CliError(
      'INPUT_INVALID',
      'only P-256 (ES256), P-384 (ES384), P-521 (ES512) and Ed25519 (EdDSA) keys sign',
    );
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey({ key: jwk, format: 'jwk' });
  } catch {
    throw new CliError('INPUT_INVALID', `${option} is not a usable private key`);
  }
  const kid = id ?? (typeof jwk.kid === 'string' ? jwk.kid : undefined);
  return {
    alg,
    sign: (data) =>
      alg === 'EdDSA'
        ? sign(null, data, key)
        : sign(ECDSA[alg].hash, data, { key, dsaEncoding: 'ieee-p1363' }),
    publicJwk: createPublicKey(key).export({ format: 'jwk' }),
    ...(kid === undefined ? {} : { kid }),
  };
}
