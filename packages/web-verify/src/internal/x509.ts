// X.509 certificates in the browser, where node's X509Certificate is not: parsed with
// @peculiar/asn1-x509 (pure JS), keys imported with Web Crypto. Read once per certificate of a trust
// list (EU DCC signers; ICAO VDS-NC signers and CSCAs).
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  Certificate,
  ExtendedKeyUsage,
  id_ce_extKeyUsage,
  SubjectPublicKeyInfo,
} from '@peculiar/asn1-x509';

/** Web Crypto's key type, named from the global `crypto` so no DOM or Node type library is needed. */
export type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** Public key algorithms of a certificate's SubjectPublicKeyInfo (OIDs). */
export const KEY_ALGORITHMS = {
  ec: '1.2.840.10045.2.1',
  rsa: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
} as const;
/** Named curves of EC keys (OIDs). */
export const CURVES = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
} as const;

/** A certificate as the browser verifiers read it: parsed once, nothing verified. */
export interface WebCertificate {
  /** The parsed ASN.1 structure, for readers of other fields (names, extensions). */
  asn: Certificate;
  /** The DER of the whole certificate. */
  der: Uint8Array;
  /** The DER of its SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** The OID of the public key algorithm (see {@link KEY_ALGORITHMS}). */
  keyAlgorithm: string;
  /** The OID of an EC key's named curve, when the parameters name one. */
  namedCurve: string | undefined;
  /** Validity period in milliseconds since the epoch. */
  notBefore: number;
  notAfter: number;
  /** Extended key usage OIDs, undefined when the certificate has no EKU extension (node's `keyUsage`). */
  extendedKeyUsage: readonly string[] | undefined;
}

const bytesOf = (buffer: ArrayBuffer): Uint8Array => new Uint8Array(buffer);

// The DER of each named curve's OBJECT IDENTIFIER, as an EC key's algorithm parameters carry it.
const CURVE_DER: ReadonlyArray<readonly [string, string]> = [
  [CURVES['P-256'], '06082a8648ce3d030107'],
  [CURVES['P-384'], '06052b81040022'],
  [CURVES['P-521'], '06052b81040023'],
];

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The named curve of an EC key; undefined for other keys, explicit parameters or another curve. */
function curveOf(spki: SubjectPublicKeyInfo): string | undefined {
  const params = spki.algorithm.parameters;
  if (!params || spki.algorithm.algorithm !== KEY_ALGORITHMS.ec) return undefined;
  const der = hex(bytesOf(params));
  return CURVE_DER.find(([, encoded]) => encoded === der)?.[0];
}

function extendedKeyUsageOf(certificate: Certificate): string[] | undefined {
  const extension = certificate.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_extKeyUsage);
  if (!extension) return undefined;
  return [...AsnConvert.parse(extension.extnValue.buffer, ExtendedKeyUsage)];
}

/**
 * Parses a DER certificate. Throws (any error) when it is not one, or when its validity period is not
 * a pair of instants: the caller skips such a certificate, as the Node verifiers do.
 */
export function readCertificate(der: Uint8Array): WebCertificate {
  const asn = AsnConvert.parse(der, Certificate);
  const { subjectPublicKeyInfo, validity } = asn.tbsCertificate;
  const notBefore = validity.notBefore.getTime().getTime();
  const notAfter = validity.notAfter.getTime().getTime();
  if (!Number.isFinite(notBefore) || !Number.isFinite(notAfter))
    throw new RangeError('the certificate has a validity period that does not parse');
  return {
    asn,
    der,
    spki: bytesOf(AsnConvert.serialize(subjectPublicKeyInfo)),
    keyAlgorithm: subjectPublicKeyInfo.algorithm.algorithm,
    namedCurve: curveOf(subjectPublicKeyInfo),
    notBefore,
    notAfter,
    extendedKeyUsage: extendedKeyUsageOf(asn),
  };
}

/** How a certificate's key is to verify: ECDSA on a named curve, or RSA-PSS with a hash. */
export type KeyUse =
  | { name: 'ECDSA'; namedCurve: keyof typeof CURVES }
  | { name: 'RSA-PSS'; hash: 'SHA-256' | 'SHA-384' | 'SHA-512' };

// Web Crypto imports an RSA key for RSA-PSS only under rsaEncryption: a key stated as id-RSASSA-PSS
// (as some DSCs state it) is the same RSAPublicKey, restated under rsaEncryption with NULL parameters.
function rsaEncryptionSpki(certificate: WebCertificate): Uint8Array {
  if (certificate.keyAlgorithm === KEY_ALGORITHMS.rsa) return certificate.spki;
  const { subjectPublicKey } = certificate.asn.tbsCertificate.subjectPublicKeyInfo;
  const algorithm = new AlgorithmIdentifier({
    algorithm: KEY_ALGORITHMS.rsa,
    parameters: Uint8Array.of(0x05, 0x00).buffer,
  });
  return bytesOf(AsnConvert.serialize(new SubjectPublicKeyInfo({ algorithm, subjectPublicKey })));
}

/**
 * Imports a certificate's public key for one use; undefined when the key does not fit it (another
 * key type or curve) or Web Crypto refuses it, so such a certificate verifies nothing, as node's
 * checks of the key type make it do in the Node verifiers.
 */
export async function importCertificateKey(
  certificate: WebCertificate,
  use: KeyUse,
): Promise<CryptoKey | undefined> {
  try {
    if (use.name === 'ECDSA') {
      if (certificate.keyAlgorithm !== KEY_ALGORITHMS.ec || certificate.namedCurve !== CURVES[use.namedCurve])
        return undefined;
      const spki = certificate.spki as Uint8Array<ArrayBuffer>;
      return await crypto.subtle.importKey('spki', spki, use, false, ['verify']);
    }
    if (certificate.keyAlgorithm !== KEY_ALGORITHMS.rsa && certificate.keyAlgorithm !== KEY_ALGORITHMS.rsaPss)
      return undefined;
    const spki = rsaEncryptionSpki(certificate) as Uint8Array<ArrayBuffer>;
    return await crypto.subtle.importKey('spki', spki, use, false, ['verify']);
  } catch {
    return undefined;
  }
}
