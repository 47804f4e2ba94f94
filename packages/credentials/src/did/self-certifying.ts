import { base58, base64urlnopad } from '@scure/base';

// Platform-free (no Buffer, no node:crypto): the Node verifier and the browser one read the keys of
// self-certifying DIDs the same way. A did:jwk or did:key names its key in the identifier itself, so
// it can be read without the network, for an untrusted issuer or a holder alike.

/** A public JWK as a self-certifying DID names it. */
export interface SelfCertifiedJwk {
  kty: 'EC' | 'OKP';
  crv: 'P-256' | 'P-384' | 'P-521' | 'Ed25519';
  x: string;
  y?: string;
}

/** True for the DID methods whose identifier is the key: did:jwk and did:key. */
export function isSelfCertifyingDid(did: string): boolean {
  return did.startsWith('did:jwk:') || did.startsWith('did:key:');
}

/** The NIST curves did:key names (multicodec p256-pub, p384-pub, p521-pub), with what decompressing a point needs. */
const CURVES = {
  'P-256': {
    codec: 0x1200,
    size: 32,
    p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  'P-384': {
    codec: 0x1201,
    size: 48,
    p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  'P-521': {
    codec: 0x1202,
    size: 66,
    p: 2n ** 521n - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
} as const;
const ED25519_CODEC = 0xed;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const toBigInt = (bytes: Uint8Array) => bytes.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);

function toBytes(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let v = value;
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The y of a compressed point (SEC 1 §2.3.4); undefined when x is not on the curve. Each p is 3 mod 4. */
function decompress(curve: (typeof CURVES)[keyof typeof CURVES], point: Uint8Array): Uint8Array | undefined {
  const { p, b, size } = curve;
  const x = toBigInt(point.subarray(1));
  if (x >= p) return undefined;
  const rhs = (((x * x * x - 3n * x + b) % p) + p) % p;
  let y = modPow(rhs, (p + 1n) / 4n, p);
  if ((y * y) % p !== rhs) return undefined;
  if ((y & 1n) !== BigInt((point[0] ?? 0) & 1)) y = p - y;
  return toBytes(y, size);
}

/** An unsigned LEB128 varint at the start of `bytes` (a multicodec), with its length. */
function varint(bytes: Uint8Array): { value: number; length: number } | undefined {
  let value = 0;
  for (let i = 0; i < 3 && i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    value |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) return { value, length: i + 1 };
  }
  return undefined;
}

/** The key a did:key names (Ed25519, P-256, P-384, P-521 in multibase base58btc); undefined for any other. */
function didKeyJwk(did: string): SelfCertifiedJwk | undefined {
  const value = did.slice('did:key:'.length).split('#')[0] ?? '';
  if (!value.startsWith('z') || value.length > 200) return undefined;
  const bytes = base58.decode(value.slice(1));
  const codec = varint(bytes);
  if (!codec) return undefined;
  const key = bytes.subarray(codec.length);
  if (codec.value === ED25519_CODEC) {
    return key.length === 32 ? { kty: 'OKP', crv: 'Ed25519', x: base64urlnopad.encode(key) } : undefined;
  }
  for (const [crv, curve] of Object.entries(CURVES) as Array<
    [keyof typeof CURVES, (typeof CURVES)[keyof typeof CURVES]]
  >) {
    if (codec.value !== curve.codec) continue;
    const { size } = curve;
    let x: Uint8Array;
    let y: Uint8Array | undefined;
    if (key.length === size + 1 && (key[0] === 2 || key[0] === 3)) {
      x = key.subarray(1);
      y = decompress(curve, key);
    } else if (key.length === 2 * size + 1 && key[0] === 4) {
      x = key.subarray(1, size + 1);
      y = key.subarray(size + 1);
    } else return undefined;
    return y && { kty: 'EC', crv, x: base64urlnopad.encode(x), y: base64urlnopad.encode(y) };
  }
  return undefined;
}

/**
 * The public JWK a did:jwk or did:key names, read from the identifier alone; undefined for another
 * method or an identifier that names no usable key (whether the key itself is valid is the
 * importer's to say).
 */
export function publicJwkOfDid(did: string): SelfCertifiedJwk | Record<string, unknown> | undefined {
  try {
    if (did.startsWith('did:key:')) return didKeyJwk(did);
    if (!did.startsWith('did:jwk:')) return undefined;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      base64urlnopad.decode(did.slice('did:jwk:'.length).split('#')[0] ?? ''),
    );
    const jwk: unknown = JSON.parse(text);
    return typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk)
      ? (jwk as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
