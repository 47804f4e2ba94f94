// Signatures of X.509 structures (a certificate by its issuer, a CRL by its CA) checked with Web
// Crypto, for the browser verifiers: the algorithm identifiers OpenSSL's X509_verify takes, DER ECDSA
// signatures turned into the raw r‖s Web Crypto wants, and the issuer's key imported per use.
import { childrenOf, readTlv, type Tlv } from '@passage/formats/pure';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import {
  type CryptoKey,
  CURVE_BYTES,
  CURVE_NAMES,
  importAs,
  keyTypeOf,
  type SigningKey,
} from './x509-keys.js';

/** Hash names of Web Crypto. */
export type WebHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** How a signature is to be checked. */
export type SignatureScheme =
  | { kind: 'ecdsa'; hash: WebHash }
  | { kind: 'pkcs1'; hash: WebHash }
  | { kind: 'pss'; hash: WebHash; saltLength: number | 'auto' }
  | { kind: 'ed25519' };

const ED25519 = '1.3.101.112';
const PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';

/** Signature algorithms by OID: scheme and the key type (OpenSSL's) it needs. */
export const SIGNATURE_ALGORITHMS: Readonly<
  Record<string, { kind: 'ecdsa' | 'pkcs1'; hash: WebHash | undefined }>
> = {
  '1.2.840.113549.1.1.5': { kind: 'pkcs1', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { kind: 'pkcs1', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { kind: 'pkcs1', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { kind: 'pkcs1', hash: 'SHA-512' },
  '1.2.840.113549.1.1.14': { kind: 'pkcs1', hash: undefined },
  '1.2.840.10045.4.1': { kind: 'ecdsa', hash: 'SHA-1' },
  '1.2.840.10045.4.3.1': { kind: 'ecdsa', hash: undefined },
  '1.2.840.10045.4.3.2': { kind: 'ecdsa', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { kind: 'ecdsa', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { kind: 'ecdsa', hash: 'SHA-512' },
};

/** Hash algorithms by OID, as PSS parameters name them. */
export const HASH_OIDS: Readonly<Record<string, WebHash>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** The key type OpenSSL needs for a signature algorithm (check_sig_alg_match); undefined if unknown. */
export function keyTypeFor(algorithm: string): 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | undefined {
  if (algorithm === PSS) return 'rsa-pss';
  if (algorithm === ED25519) return 'ed25519';
  return SIGNATURE_ALGORITHMS[algorithm]?.kind === 'ecdsa'
    ? 'ec'
    : SIGNATURE_ALGORITHMS[algorithm]
      ? 'rsa'
      : undefined;
}

function oidText(buf: Uint8Array, algId: Tlv | undefined): string | undefined {
  const oid = algId?.tag === 0x30 ? childrenOf(buf, algId)[0] : undefined;
  if (oid?.tag !== 0x06) return undefined;
  return AsnConvert.parse(buf.subarray(algId?.start ?? 0, algId?.end ?? 0), AlgorithmIdentifier).algorithm;
}

/** A small non-negative DER INTEGER's value, undefined when it is not one. */
function smallInteger(buf: Uint8Array, tlv: Tlv | undefined): number | undefined {
  if (tlv?.tag !== 0x02 || tlv.end - tlv.start > 4 || tlv.end === tlv.start) return undefined;
  if (((buf[tlv.start] ?? 0) & 0x80) !== 0) return undefined;
  let n = 0;
  for (let i = tlv.start; i < tlv.end; i++) n = n * 256 + (buf[i] ?? 0);
  return n;
}

/**
 * The scheme of RSASSA-PSS parameters as X509_verify reads them: hash (default SHA-1), MGF1 with the
 * same hash (Web Crypto has no other), salt length (default 20), trailer 1. Undefined otherwise.
 */
function pssScheme(params: ArrayBuffer | null | undefined): SignatureScheme | undefined {
  try {
    if (!params) return { kind: 'pss', hash: 'SHA-1', saltLength: 20 };
    const buf = new Uint8Array(params);
    const seq = readTlv(buf, 0);
    if (seq.tag !== 0x30 || seq.end !== buf.length) return undefined;
    let hash: WebHash | undefined = 'SHA-1';
    let mgfHash: WebHash | undefined = 'SHA-1';
    let saltLength: number | undefined = 20;
    for (const field of childrenOf(buf, seq)) {
      const [inner] = childrenOf(buf, field);
      if (field.tag === 0xa0) hash = HASH_OIDS[oidText(buf, inner) ?? ''];
      else if (field.tag === 0xa1) {
        if (oidText(buf, inner) !== MGF1 || !inner) return undefined;
        mgfHash = HASH_OIDS[oidText(buf, childrenOf(buf, inner)[1]) ?? ''];
      } else if (field.tag === 0xa2) saltLength = smallInteger(buf, inner);
      else if (field.tag === 0xa3) {
        if (smallInteger(buf, inner) !== 1) return undefined;
      } else return undefined;
    }
    if (!hash || hash !== mgfHash || saltLength === undefined) return undefined;
    return { kind: 'pss', hash, saltLength };
  } catch {
    return undefined;
  }
}

/** The scheme of a certificate's signature algorithm, as X509_verify runs it; undefined if unsupported. */
export function certificateScheme(algorithm: AlgorithmIdentifier): SignatureScheme | undefined {
  if (algorithm.algorithm === PSS) return pssScheme(algorithm.parameters);
  if (algorithm.algorithm === ED25519) return { kind: 'ed25519' };
  const known = SIGNATURE_ALGORITHMS[algorithm.algorithm];
  return known?.hash === undefined ? undefined : { kind: known.kind, hash: known.hash };
}

/**
 * A DER ECDSA-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }) as raw r‖s of `size` bytes each, or
 * undefined for anything OpenSSL would not verify: not strict DER (it re-encodes and compares), a
 * negative or oversized integer, trailing bytes.
 */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  try {
    const seq = readTlv(der, 0);
    const contentLength = seq.end - seq.start;
    const header = contentLength < 0x80 ? 2 : contentLength < 0x100 ? 3 : 4;
    if (seq.tag !== 0x30 || seq.end !== der.length || seq.start !== header) return undefined;
    const parts = childrenOf(der, seq);
    // Both integers in short form, back to back: the only encoding DER allows for their lengths.
    if (parts.length !== 2 || parts[0]?.start !== seq.start + 2 || parts[1]?.start !== parts[0].end + 2)
      return undefined;
    const raw = new Uint8Array(2 * size);
    for (const [i, part] of parts.entries()) {
      const length = part.end - part.start;
      if (part.tag !== 0x02 || length === 0 || length >= 0x80) return undefined;
      const first = der[part.start] ?? 0;
      if (first & 0x80) return undefined;
      if (first === 0 && length > 1 && ((der[part.start + 1] ?? 0) & 0x80) === 0) return undefined;
      const value = der.subarray(first === 0 && length > 1 ? part.start + 1 : part.start, part.end);
      if (value.length > size) return undefined;
      raw.set(value, i * size + size - value.length);
    }
    return raw;
  } catch {
    return undefined;
  }
}

/** Imports `key` as `as` and checks `signature` over `bytes` with `check`; false when it does not import. */
async function importAndVerify(
  key: SigningKey,
  as: Parameters<typeof importAs>[1],
  check: Parameters<typeof crypto.subtle.verify>[0],
  signature: Uint8Array,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const imported = await importAs(key, as);
  return !!imported && crypto.subtle.verify(check, imported, signature as Uint8Array<ArrayBuffer>, bytes);
}

/** Checks `signature` over `data` with `key` by `scheme`; false for a key that does not fit it. */
export async function verifyWithScheme(
  key: SigningKey,
  scheme: SignatureScheme,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  try {
    const type = keyTypeOf(key);
    const bytes = data as Uint8Array<ArrayBuffer>;
    if (scheme.kind === 'ecdsa') {
      const curve = CURVE_NAMES[key.namedCurve ?? ''];
      const size = CURVE_BYTES[key.namedCurve ?? ''];
      const raw = size === undefined ? undefined : ecdsaDerToRaw(signature, size);
      if (type !== 'ec' || !curve || !raw) return false;
      const as = { name: 'ECDSA', namedCurve: curve };
      return await importAndVerify(key, as, { name: 'ECDSA', hash: scheme.hash }, raw, bytes);
    }
    if (scheme.kind === 'ed25519') {
      if (type !== 'ed25519') return false;
      return await importAndVerify(key, { name: 'Ed25519' }, { name: 'Ed25519' }, signature, bytes);
    }
    if (type !== 'rsa' && type !== 'rsa-pss') return false;
    if (scheme.kind === 'pkcs1') {
      if (type !== 'rsa') return false;
      const as = { name: 'RSASSA-PKCS1-v1_5', hash: scheme.hash };
      return await importAndVerify(key, as, { name: 'RSASSA-PKCS1-v1_5' }, signature, bytes);
    }
    const imported = await importAs(key, { name: 'RSA-PSS', hash: scheme.hash });
    if (!imported) return false;
    const sig = signature as Uint8Array<ArrayBuffer>;
    const check = (saltLength: number) =>
      crypto.subtle.verify({ name: 'RSA-PSS', saltLength }, imported, sig, bytes);
    if (scheme.saltLength !== 'auto') return await check(scheme.saltLength);
    return await verifyAnySalt(imported, scheme.hash, check);
  } catch {
    return false;
  }
}

const HASH_BYTES: Readonly<Record<WebHash, number>> = {
  'SHA-1': 20,
  'SHA-256': 32,
  'SHA-384': 48,
  'SHA-512': 64,
};

// OpenSSL's RSA_PSS_SALTLEN_AUTO recovers the salt length from the signature; Web Crypto needs it
// stated, so the usual lengths are tried first, then every length the key allows.
async function verifyAnySalt(
  key: CryptoKey,
  hash: WebHash,
  check: (salt: number) => Promise<boolean>,
): Promise<boolean> {
  const bits = (key.algorithm as { modulusLength?: number }).modulusLength ?? 0;
  const hashBytes = HASH_BYTES[hash];
  const max = Math.ceil((bits - 1) / 8) - hashBytes - 2;
  const usual = [hashBytes, 20, 0, 32, 48, 64].filter((s) => s <= max);
  for (const salt of usual) if (await check(salt)) return true;
  for (let salt = 1; salt <= max; salt++) if (!usual.includes(salt) && (await check(salt))) return true;
  return false;
}

/** Checks a raw r‖s ECDSA signature with an EC key of a named curve Web Crypto has. */
export async function verifyRawEcdsa(
  key: SigningKey,
  hash: WebHash,
  data: Uint8Array,
  raw: Uint8Array,
): Promise<boolean> {
  try {
    const curve = CURVE_NAMES[key.namedCurve ?? ''];
    if (keyTypeOf(key) !== 'ec' || !curve) return false;
    const imported = await importAs(key, { name: 'ECDSA', namedCurve: curve });
    if (!imported) return false;
    const params = { name: 'ECDSA', hash };
    return await crypto.subtle.verify(
      params,
      imported,
      raw as Uint8Array<ArrayBuffer>,
      data as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}
