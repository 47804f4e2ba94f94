import {
  createECDH,
  createPrivateKey,
  createPublicKey,
  ECDH,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { CredentialError } from '../errors.js';

/** The key types an authority or holder may use. */
export type PassageKeyType = 'Secp256r1' | 'Ed25519';
/** The JOSE algorithm each key type signs with. */
export type PassageAlgorithm = 'ES256' | 'EdDSA';

/** The JOSE algorithm for a key type. */
export function algorithmFor(type: PassageKeyType): PassageAlgorithm {
  return type === 'Secp256r1' ? 'ES256' : 'EdDSA';
}

/** Narrows a Veramo key type to one Passage supports, or throws KEY_TYPE_UNSUPPORTED. */
export function asPassageKeyType(type: string): PassageKeyType {
  if (type === 'Secp256r1' || type === 'Ed25519') return type;
  throw new CredentialError('KEY_TYPE_UNSUPPORTED', 'only Secp256r1 (P-256) and Ed25519 keys are supported');
}

const b64u = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
const hexOf = (b64url: string | undefined) => Buffer.from(b64url ?? '', 'base64url').toString('hex');

// PKCS#8 wrapper of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Raw key material in the hex form Veramo stores: private scalar/seed and public key. */
export interface RawKeyPair {
  privateKeyHex: string;
  publicKeyHex: string;
}

/** Generates a key pair with node:crypto. P-256 public keys are compressed, as Veramo's own KMS does. */
export function generateRawKeyPair(type: PassageKeyType): RawKeyPair {
  if (type === 'Ed25519') {
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    return { privateKeyHex: hexOf(jwk.d), publicKeyHex: hexOf(jwk.x) };
  }
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  return { privateKeyHex: hexOf(jwk.d), publicKeyHex: compressP256(hexOf(jwk.x), hexOf(jwk.y)) };
}

function compressP256(xHex: string, yHex: string): string {
  const yLast = Number.parseInt(yHex.slice(-2), 16);
  return `${yLast % 2 === 0 ? '02' : '03'}${xHex}`;
}

/** The private KeyObject for raw key material, for signing with node:crypto. */
export function privateKeyObject(type: PassageKeyType, privateKeyHex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(privateKeyHex)) {
    throw new CredentialError('INVALID_ARGUMENT', 'a private key must be 32 bytes of hex');
  }
  if (type === 'Ed25519') {
    const der = Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(privateKeyHex, 'hex')]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(privateKeyHex, 'hex'));
  const pub = ecdh.getPublicKey('hex', 'uncompressed');
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    d: b64u(privateKeyHex),
    x: b64u(pub.slice(2, 66)),
    y: b64u(pub.slice(66)),
  };
  return createPrivateKey({ key: jwk, format: 'jwk' });
}

/** The public key hex (compressed for P-256) of raw private key material. */
export function publicKeyHexOf(type: PassageKeyType, privateKeyHex: string): string {
  const jwk = createPublicKey(privateKeyObject(type, privateKeyHex)).export({ format: 'jwk' });
  return type === 'Ed25519' ? hexOf(jwk.x) : compressP256(hexOf(jwk.x), hexOf(jwk.y));
}

/** The public JWK of a Veramo public key hex (P-256 compressed or uncompressed, or Ed25519). */
export function publicJwkFromHex(type: PassageKeyType, publicKeyHex: string): JsonWebKey {
  if (type === 'Ed25519') return { kty: 'OKP', crv: 'Ed25519', x: b64u(publicKeyHex) };
  // ECDH.convertKey understands SEC1 point encodings, so node:crypto does the curve arithmetic.
  const uncompressed = ECDH.convertKey(publicKeyHex, 'prime256v1', 'hex', 'hex', 'uncompressed') as string;
  return { kty: 'EC', crv: 'P-256', x: b64u(uncompressed.slice(2, 66)), y: b64u(uncompressed.slice(66)) };
}
