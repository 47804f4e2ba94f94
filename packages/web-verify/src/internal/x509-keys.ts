// Certificate keys for the browser verifiers: read from a certificate as OpenSSL reads them, checked
// as node's X509Certificate#publicKey checks them, and imported into Web Crypto once per use.
import { oidOf, readTlv } from '@passage/formats/pure';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { OPENSSL_CURVES, pointFits } from './x509-curves.js';

/** Web Crypto's key type, named from the global `crypto` so no DOM or Node type library is needed. */
export type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** Public key algorithms of a certificate's SubjectPublicKeyInfo (OIDs). */
export const KEY_ALGORITHMS = {
  ec: '1.2.840.10045.2.1',
  rsa: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
} as const;
/** The named curves Web Crypto has (OIDs). */
export const CURVES = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
} as const;

const ED25519 = '1.3.101.112';
const hexOf = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The key a signature is checked with: a certificate's SubjectPublicKeyInfo, as read once. */
export interface SigningKey {
  spki: Uint8Array;
  keyAlgorithm: string;
  namedCurve: string | undefined;
  /** The key's bits (an EC point), as OpenSSL reads them. */
  point: Uint8Array;
  /** An EC key's parameters (DER), as the certificate states them. */
  curveParameters?: Uint8Array | undefined;
  /** Imported keys by use, filled as they are needed. */
  imported: Map<string, Promise<CryptoKey | undefined>>;
}

/** The OpenSSL key type of a certificate key. */
export function keyTypeOf(key: Pick<SigningKey, 'keyAlgorithm'>): string | undefined {
  if (key.keyAlgorithm === KEY_ALGORITHMS.rsa) return 'rsa';
  if (key.keyAlgorithm === KEY_ALGORITHMS.rsaPss) return 'rsa-pss';
  if (key.keyAlgorithm === KEY_ALGORITHMS.ec) return 'ec';
  return key.keyAlgorithm === ED25519 ? 'ed25519' : undefined;
}

export const CURVE_BYTES: Readonly<Record<string, number>> = {
  [CURVES['P-256']]: 32,
  [CURVES['P-384']]: 48,
  [CURVES['P-521']]: 66,
};
export const CURVE_NAMES: Readonly<Record<string, string>> = {
  [CURVES['P-256']]: 'P-256',
  [CURVES['P-384']]: 'P-384',
  [CURVES['P-521']]: 'P-521',
};

// Web Crypto imports an RSA key for any RSA scheme only under rsaEncryption with NULL parameters.
function rsaEncryptionSpki(key: SigningKey): Uint8Array {
  if (key.keyAlgorithm === KEY_ALGORITHMS.rsa) return key.spki;
  const info = AsnConvert.parse(key.spki, SubjectPublicKeyInfo);
  const algorithm = new AlgorithmIdentifier({
    algorithm: KEY_ALGORITHMS.rsa,
    parameters: Uint8Array.of(0x05, 0x00).buffer,
  });
  return new Uint8Array(
    AsnConvert.serialize(new SubjectPublicKeyInfo({ algorithm, subjectPublicKey: info.subjectPublicKey })),
  );
}

type ImportParams = { name: string; namedCurve?: string; hash?: string };

export async function importAs(key: SigningKey, params: ImportParams): Promise<CryptoKey | undefined> {
  const id = JSON.stringify(params);
  let imported = key.imported.get(id);
  if (!imported) {
    const spki = (
      params.name === 'ECDSA' || params.name === 'Ed25519' ? key.spki : rsaEncryptionSpki(key)
    ) as Uint8Array<ArrayBuffer>;
    imported = crypto.subtle.importKey('spki', spki, params, false, ['verify']).catch(() => undefined);
    key.imported.set(id, imported);
  }
  return imported;
}

// Key algorithms OpenSSL decodes but Web Crypto cannot import: such a key is taken as it is.
const DECODED_ELSEWHERE = new Set([
  '1.2.840.10040.4.1',
  '1.2.840.10046.2.1',
  '1.2.840.113549.1.3.1',
  '1.3.101.110',
  '1.3.101.111',
  '1.3.101.113',
]);

/**
 * Whether node's X509Certificate would give the key (`certificate.publicKey` throws for one OpenSSL
 * cannot decode): keys Web Crypto knows are imported to check them (an EC point off its curve, a
 * malformed RSA key), EC keys on other curves and the other algorithms OpenSSL reads are taken as
 * they are, unknown algorithms refused.
 */
export async function keyDecodes(key: SigningKey): Promise<boolean> {
  const type = keyTypeOf(key);
  if (type === 'ec') {
    const curve = CURVE_NAMES[key.namedCurve ?? ''];
    if (curve !== undefined) return (await importAs(key, { name: 'ECDSA', namedCurve: curve })) !== undefined;
    // Explicit curve parameters (a SEQUENCE) are taken as they are; on a curve Web Crypto lacks, the
    // point's encoding is checked, not whether it lies on the curve.
    const params = key.curveParameters;
    if (params?.[0] === 0x30) return true;
    const fieldBytes = params === undefined ? undefined : OPENSSL_CURVES.get(hexOf(params));
    return fieldBytes !== undefined && pointFits(key.point, fieldBytes);
  }
  if (type === 'rsa' || type === 'rsa-pss')
    return (await importAs(key, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' })) !== undefined;
  if (type === 'ed25519') return (await importAs(key, { name: 'Ed25519' })) !== undefined;
  return DECODED_ELSEWHERE.has(key.keyAlgorithm);
}

/**
 * A certificate's key, ready to be imported per use. OpenSSL clears a BIT STRING's unused bits in its
 * last byte when it decodes it, so the key node reads is that one.
 */
export function signingKeyOf(spki: SubjectPublicKeyInfo, unusedBits = 0): SigningKey {
  const params = spki.algorithm.parameters;
  const oid =
    params && spki.algorithm.algorithm === KEY_ALGORITHMS.ec ? curveOid(new Uint8Array(params)) : undefined;
  const bits = new Uint8Array(spki.subjectPublicKey.slice(0));
  if (unusedBits > 0 && bits.length > 0) bits[bits.length - 1] = (bits.at(-1) ?? 0) & (0xff << unusedBits);
  const read = new SubjectPublicKeyInfo({ algorithm: spki.algorithm, subjectPublicKey: bits.buffer });
  return {
    spki: new Uint8Array(AsnConvert.serialize(read)),
    keyAlgorithm: spki.algorithm.algorithm,
    namedCurve: oid,
    point: bits,
    curveParameters: params ? new Uint8Array(params) : undefined,
    imported: new Map(),
  };
}

function curveOid(params: Uint8Array): string | undefined {
  try {
    const tlv = readTlv(params, 0);
    if (tlv.tag !== 0x06 || tlv.end !== params.length) return undefined;
    return oidOf(params, tlv);
  } catch {
    return undefined;
  }
}
