import { createECDH, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { Jwk } from '@openid4vc/oauth2';
import type { SecretBox } from '../../db/index.js';

/** The order of the P-256 group. */
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

/** What HKDF is asked for: 16 bytes more than the scalar, so reducing it leaves no usable bias. */
const SEED_BYTES = 48;

/** The ES256 key that signs and checks the issuer's OpenID4VCI access tokens. */
export interface TokenKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: Jwk;
}

/**
 * The P-256 key pair for a 48-byte seed: the scalar is `seed mod (n − 1) + 1`, the method of FIPS
 * 186-5 A.2.1 (extra random bits), so every seed gives a valid private key.
 */
export function p256KeyFromSeed(seed: Uint8Array): TokenKey {
  if (seed.length !== SEED_BYTES) throw new RangeError(`a P-256 seed is ${SEED_BYTES} bytes`);
  const scalar = (BigInt(`0x${Buffer.from(seed).toString('hex')}`) % (P256_ORDER - 1n)) + 1n;
  const d = Buffer.from(scalar.toString(16).padStart(64, '0'), 'hex');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey(); // 0x04 | x | y
  const publicJwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
  };
  const privateKey = createPrivateKey({ key: { ...publicJwk, d: d.toString('base64url') }, format: 'jwk' });
  return { privateKey, publicKey: createPublicKey(privateKey), publicJwk };
}

/**
 * The access-token key, derived from the configuration secret: every process of one issuer (after a
 * restart, or beside it in a cluster) signs and accepts the same tokens, and nothing is stored.
 */
export function accessTokenKey(box: SecretBox): TokenKey {
  return p256KeyFromSeed(box.subkey('oid4vci access-token signing key (ES256)', SEED_BYTES));
}
