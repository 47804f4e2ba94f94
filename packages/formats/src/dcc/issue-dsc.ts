import { createHash, type KeyObject, randomBytes } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import { FormatIssueError } from './issue-error.js';
import { type Es256Signer, signEs256 } from './issue-signer.js';
import { alpha2Of } from './issue-value-sets.js';

/** The DCC extended key usage of a DSC that may sign vaccination certificates. */
export const DCC_VACCINATION_EKU = '1.3.6.1.4.1.1847.2021.1.2';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const OID_COUNTRY = '2.5.4.6';
const OID_ORGANIZATION = '2.5.4.10';
const OID_COMMON_NAME = '2.5.4.3';

/** The options of {@link createDevelopmentDsc}. */
export interface DevelopmentDscOptions {
  /** The authority's P-256 public key: the DSC certifies it and is signed by it (self-signed). */
  publicKey: KeyObject;
  /** Signs the certificate with the matching private key. */
  signer: Es256Signer;
  /** The issuing country, ISO 3166-1 alpha-2 (alpha-3 is converted): the DSC's subject C. */
  country: string;
  /** The subject's CN and O, e.g. the authority's name. */
  commonName: string;
  notBefore: Date;
  notAfter: Date;
}

function attribute(type: string, value: AttributeValue): RelativeDistinguishedName {
  return new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value })]);
}

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

/** ASN.1 INTEGER content of an unsigned big-endian number: leading zeros dropped, a sign byte added. */
function integer(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = Buffer.from(bytes.subarray(start));
  const content = (body[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.of(0), body]) : body;
  return Buffer.concat([Buffer.of(0x02, content.length), content]);
}

/** The DER ECDSA-Sig-Value of a raw r||s signature (X.509 carries ECDSA signatures in DER). */
function derSignature(raw: Uint8Array): ArrayBuffer {
  const body = Buffer.concat([integer(raw.subarray(0, 32)), integer(raw.subarray(32))]);
  const der = Buffer.concat([Buffer.of(0x30, body.length), body]);
  return der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
}

/**
 * A random 16-byte certificate serial number as DER wants it: positive (first bit clear) and minimal,
 * so never a first byte of 0, which would make the INTEGER's encoding one byte too long whenever the
 * second byte is below 0x80. OpenSSL refuses such a certificate: before, about one development DSC
 * in 290 did not parse.
 */
export function dscSerial(random: (size: number) => Uint8Array = randomBytes): Uint8Array {
  const serial = Uint8Array.from(random(16));
  serial[0] = ((serial[0] ?? 0) % 0x7f) + 1; // 0x01–0x7f
  return serial;
}

/**
 * Creates a self-signed document signer certificate (DSC) for development: the authority's own P-256
 * key, subject `C=<country>, O=<name>, CN=<name> DSC (development)`, key usage digitalSignature and
 * the DCC extended key usage for vaccination certificates only. Production DSCs are issued by the
 * country's CSCA and imported instead. Answers the DER.
 */
export async function createDevelopmentDsc(options: DevelopmentDscOptions): Promise<Uint8Array> {
  const { publicKey } = options;
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new FormatIssueError('INVALID_ARGUMENT', 'a DSC for ES256 certifies a P-256 key');
  }
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const subjectPublicKeyInfo = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  const name = new Name([
    attribute(OID_COUNTRY, new AttributeValue({ printableString: alpha2Of(options.country, 'country') })),
    attribute(OID_ORGANIZATION, new AttributeValue({ utf8String: options.commonName.slice(0, 64) })),
    attribute(
      OID_COMMON_NAME,
      new AttributeValue({ utf8String: `${options.commonName.slice(0, 40)} DSC (development)` }),
    ),
  ]);
  const serial = dscSerial();
  const keyId = createHash('sha1').update(Buffer.from(subjectPublicKeyInfo.subjectPublicKey)).digest();
  const signature = new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 });
  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: serial.buffer.slice(serial.byteOffset, serial.byteOffset + 16) as ArrayBuffer,
    signature,
    issuer: name,
    subject: name,
    validity: new Validity({ notBefore: options.notBefore, notAfter: options.notAfter }),
    subjectPublicKeyInfo,
    extensions: new Extensions([
      extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.digitalSignature)),
      extension(id_ce_extKeyUsage, false, new ExtendedKeyUsage([DCC_VACCINATION_EKU])),
      extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId)),
    ]),
  });
  const tbs = new Uint8Array(AsnConvert.serialize(tbsCertificate));
  const raw = await signEs256(options.signer, tbs);
  const certificate = new Certificate({
    tbsCertificate,
    signatureAlgorithm: signature,
    signatureValue: derSignature(raw),
  });
  return new Uint8Array(AsnConvert.serialize(certificate));
}
