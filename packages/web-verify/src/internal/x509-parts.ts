// The raw parts of a DER certificate that node's X509Certificate (OpenSSL) reads and
// @peculiar/asn1-x509 does not keep: both signature algorithm encodings, the serial number as
// OpenSSL prints it, the names' entries, the validity times. Refuses what OpenSSL's decoder refuses
// among what asn1-x509 accepts (integer padding, OBJECT IDENTIFIER encodings, name values).
import { childrenOf, readTlv, type Tlv } from '@passage/formats/pure';
import { isValidOid, type NameEntry, nameEntries } from './x509-name.js';
import { certificateTime } from './x509-time.js';

/** The raw parts of a certificate. */
export interface CertificateParts {
  /** The DER of the TBSCertificate, as signed. */
  tbs: Uint8Array;
  /** The DER of the TBSCertificate's signature AlgorithmIdentifier and of the outer one. */
  innerAlgorithm: Uint8Array;
  outerAlgorithm: Uint8Array;
  /** The BIT STRING's unused bits count and its bits. */
  signatureUnusedBits: number;
  signature: Uint8Array;
  /** The serial number as node's X509Certificate#serialNumber states it (OpenSSL's BN_bn2hex). */
  serialNumber: string;
  /** The unused bits count of the public key's BIT STRING (OpenSSL clears them in the key). */
  keyUnusedBits: number;
  /** The serial number's INTEGER contents. */
  serialBytes: Uint8Array;
  issuer: NameEntry[];
  subject: NameEntry[];
  /** Validity as node's validFrom/validTo parse (NaN where OpenSSL prints "Bad time value"). */
  notBefore: number;
  notAfter: number;
}

/** A refusal where OpenSSL's decoder would refuse the certificate. */
export class CertificateRefused extends Error {}

/** c2i_ASN1_INTEGER's checks: contents present and minimally encoded. */
function checkInteger(buf: Uint8Array, tlv: Tlv | undefined): Uint8Array {
  if (tlv?.tag !== 0x02 || tlv.end <= tlv.start) throw new CertificateRefused('an INTEGER is empty');
  const [b0, b1] = [buf[tlv.start] ?? 0, buf[tlv.start + 1] ?? 0];
  if (tlv.end - tlv.start > 1 && ((b0 === 0 && !(b1 & 0x80)) || (b0 === 0xff && b1 & 0x80)))
    throw new CertificateRefused('an INTEGER has illegal padding');
  return buf.subarray(tlv.start, tlv.end);
}

const hexOf = (value: bigint) => {
  const hex = value.toString(16).toUpperCase();
  return hex.length % 2 === 0 ? hex : `0${hex}`;
};

/** BN_bn2hex of a DER INTEGER: upper-case hex by whole bytes, "-" for a negative one, "0" for zero. */
export function bnHex(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  if ((bytes[0] ?? 0) & 0x80) value -= 1n << BigInt(8 * bytes.length);
  if (value === 0n) return '0';
  return value < 0n ? `-${hexOf(-value)}` : hexOf(value);
}

function checkAlgorithm(buf: Uint8Array, tlv: Tlv | undefined): void {
  const [oid, params, ...rest] = tlv?.tag === 0x30 ? childrenOf(buf, tlv) : [];
  if (oid?.tag !== 0x06 || !isValidOid(buf, oid) || rest.length > 0)
    throw new CertificateRefused('an algorithm is malformed');
  // ANY takes every element but end-of-contents.
  if (params?.tag === 0x00) throw new CertificateRefused('an algorithm has end-of-contents parameters');
}

/** The tags OpenSSL's template requires, which asn1-x509 does not check for every element. */
function expectTag(tlv: Tlv | undefined, tag: number): void {
  if (tlv?.tag !== tag) throw new CertificateRefused('an element has another tag');
}

/** The elements of `parent` with where each one's header starts. */
function elements(buf: Uint8Array, parent: Tlv): Array<Tlv & { header: number }> {
  let header = parent.start;
  return childrenOf(buf, parent).map((tlv) => {
    const element = { ...tlv, header };
    header = tlv.end;
    return element;
  });
}

/** Extensions ::= SEQUENCE OF SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
function checkExtensions(buf: Uint8Array, tlv: Tlv | undefined): void {
  if (!tlv) return;
  const [list, ...extra] = childrenOf(buf, tlv);
  expectTag(list, 0x30);
  if (!list || extra.length > 0) throw new CertificateRefused('extensions are malformed');
  for (const extension of childrenOf(buf, list)) {
    expectTag(extension, 0x30);
    const fields = childrenOf(buf, extension);
    const [id, critical, value] = fields.length === 2 ? [fields[0], undefined, fields[1]] : fields;
    if (fields.length < 2 || fields.length > 3) throw new CertificateRefused('an extension is malformed');
    expectTag(id, 0x06);
    if (critical) expectTag(critical, 0x01);
    expectTag(value, 0x04);
    if (!id || !isValidOid(buf, id)) throw new CertificateRefused('an extension id is malformed');
    if (critical && critical.end - critical.start !== 1)
      throw new CertificateRefused('a BOOLEAN is malformed');
  }
}

/** Reads the raw parts of a DER certificate. Throws where OpenSSL's decoder would refuse it. */
export function certificateParts(der: Uint8Array): CertificateParts {
  const certificate = readTlv(der, 0);
  expectTag(certificate, 0x30);
  const [tbs, outer, bits, ...extra] = elements(der, certificate);
  if (!tbs || !outer || !bits || extra.length > 0) throw new CertificateRefused('not a certificate');
  expectTag(tbs, 0x30);
  expectTag(bits, 0x03);
  const fields = elements(der, tbs);
  const version = fields[0]?.tag === 0xa0 ? fields[0] : undefined;
  if (version) {
    const [value, ...more] = childrenOf(der, version);
    if (more.length > 0) throw new CertificateRefused('the version is malformed');
    checkInteger(der, value);
  }
  const [serial, inner, issuer, validity, subject, spki, ...rest] = fields.slice(version ? 1 : 0);
  if (!serial || !inner || !issuer || !validity || !subject || !spki)
    throw new CertificateRefused('not a TBS');
  for (const [tlv, tag] of [
    [issuer, 0x30],
    [validity, 0x30],
    [subject, 0x30],
    [spki, 0x30],
  ] as const)
    expectTag(tlv, tag);
  // issuerUniqueID [1], subjectUniqueID [2], extensions [3], in this order, nothing else.
  const tags = rest.map((field) => field.tag);
  if (
    tags.some(
      (tag, i) =>
        ![0x81, 0xa1, 0x82, 0xa2, 0xa3].includes(tag) || (i > 0 && (tags[i - 1] ?? 0) % 0x20 >= tag % 0x20),
    )
  )
    throw new CertificateRefused('unexpected TBS fields');
  const serialBytes = checkInteger(der, serial);
  checkAlgorithm(der, inner);
  checkAlgorithm(der, outer);
  const [keyAlgorithm, keyBits, ...keyExtra] = childrenOf(der, spki);
  if (keyExtra.length > 0) throw new CertificateRefused('the key is malformed');
  expectTag(keyBits, 0x03);
  checkAlgorithm(der, keyAlgorithm);
  checkExtensions(
    der,
    rest.find((field) => field.tag === 0xa3),
  );
  const [from, to, ...times] = childrenOf(der, validity);
  if (!from || !to || times.length > 0) throw new CertificateRefused('no validity');
  for (const time of [from, to])
    if (time.tag !== 0x17 && time.tag !== 0x18) throw new CertificateRefused('not a time');
  const unused = der[bits.start] ?? 0;
  if (bits.end <= bits.start || unused > 7) throw new CertificateRefused('a bad signature');
  return {
    tbs: der.subarray(tbs.header, tbs.end),
    innerAlgorithm: der.subarray(inner.header, inner.end),
    outerAlgorithm: der.subarray(outer.header, outer.end),
    signatureUnusedBits: unused,
    keyUnusedBits: der[keyBits?.start ?? 0] ?? 0,
    signature: der.subarray(bits.start + 1, bits.end),
    serialNumber: bnHex(serialBytes),
    serialBytes,
    issuer: nameEntries(der, issuer),
    subject: nameEntries(der, subject),
    notBefore: certificateTime(der, from),
    notAfter: certificateTime(der, to),
  };
}
