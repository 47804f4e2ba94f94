// Test fixtures (Node only, for tests; exported from neither index.ts nor pure.ts): the Australian
// VDS-NC vectors and a test PKI of our own (P-384 CSCA and barcode signer, ES384 seals), to reach
// what the vectors cannot: a CRL that revokes the signer, a signer without the VDS-NC key usage, one
// issued by an impostor. Shared by the Node verifier's tests and the browser verifier's.
import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  CertificateList,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  Name,
  RelativeDistinguishedName,
  RevokedCertificate,
  SubjectPublicKeyInfo,
  TBSCertificate,
  TBSCertList,
  Time,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import canonicalizeModule from 'canonicalize';
import { DOCUMENT_TYPE_LIST_OID, VDS_NC_SIGNER_EKU } from './signer.js';

const VECTORS = new URL('../../../../test/vectors/icao-vds-nc/', import.meta.url);

/** Australia's VDS-NC test vectors (test/vectors/icao-vds-nc/SOURCE.txt). */
export const aus = JSON.parse(readFileSync(new URL('aus-apo-vdsnc-test-vectors.json', VECTORS), 'utf8')) as {
  cscaCertDerB64: string;
  bscCertDerB64: string;
  crlDerB64: string;
  validVds: {
    data: { hdr: Record<string, unknown>; msg: Record<string, unknown> };
    sig: Record<string, string>;
  };
  invalidVds: object;
  nonVdsJson: string;
};
/** The WHO examples (structure only: their signatures are truncated). */
export const whoExample = (name: string): object => JSON.parse(readFileSync(new URL(name, VECTORS), 'utf8'));

const canonicalize = canonicalizeModule as unknown as (value: unknown) => string;
const ECDSA_SHA384 = new AlgorithmIdentifier({ algorithm: '1.2.840.10045.4.3.3' });
const der = (value: object) => Buffer.from(AsnConvert.serialize(value));
const name = (cn: string) =>
  new Name([
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type: '2.5.4.6', value: new AttributeValue({ printableString: 'UT' }) }),
    ]),
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: cn }) }),
    ]),
  ]);
// Fixed P-384 test keys (PKCS#8), so that every run builds the same certificates but for their
// (randomized) ECDSA signatures.
const KEYS = {
  csca: 'MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDBLrrrAEIEj266+3RVOD097bOug5uJfL6YAyVUrUs1UBTyaZGkEmWX4ziCMrPMBA/+hZANiAAQpCoPWHc5UttXw5bxtarfpyVka2js7Q8RRoPqXKRA+ewoZ44CVTmeOPT06OXqDUih8tvhqtrzh6bE7xSNC1fkk9OCamFDOZ3jqUf2SbgQNykIfB7EDId90WxAd60/+zpg=',
  signer:
    'MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDDU0aUMs/xmuTqQFSSDroUmvl5MDY6Qh9/O1I/NX5TV506wfgFYoMFWmn2l3j/NdEOhZANiAAR+cBHvQ3YGKyczFJ/bGV4u9EO/IfD5N6ehe5Ao+R4KttvV8Cn8ookbrKI/k0Fzu9i1JCmbxRzP4oKqrEJcLtGhp22wNCtQ/hA/WcLfNz/XiqL8MPRNHpzrZqoc16HugSY=',
  impostor:
    'MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDCMP0skC1W6V466DNGiloz6/lS8KfEN6suqtqei21RmXNLVomQNXKSf8ooySfvm+fKhZANiAAT7bHdrpYkR3IfT1jbmx9s7ueHCY917oQ/XWy0vJLndGAS8YzNr6nMLrcJtw9mN4kmSfW3WFFlE5TpbBuIxji5LnIJJvllxpwiZ/78tvIzTX0ZtgwVwNKXXesj388jgEuQ=',
};
const keyPair = (name: keyof typeof KEYS) => {
  const privateKey = createPrivateKey({
    key: Buffer.from(KEYS[name], 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
};
const extension = (extnID: string, value: Uint8Array, critical = false) =>
  new Extension({ extnID, critical, extnValue: new OctetString(value) });
// DocumentTypeListSyntax { version 0, { "NV" } }
const NV_ONLY = Buffer.from('3009020100310413024e56', 'hex');

/** The key pairs of the test PKI: the CSCA, its barcode signer, and an impostor CA. */
export const testKeys = { csca: keyPair('csca'), signer: keyPair('signer'), impostor: keyPair('impostor') };

/**
 * A certificate issued by "Test CSCA" (signed ECDSA with SHA-384 by `issuerKey`, a P-384 key), valid
 * from 2024-01-01 to 2034-01-01, certifying `publicKey` (of any type).
 */
export function testCertificate(
  subject: string,
  publicKey: KeyObject,
  issuerKey: KeyObject,
  extensions: Extension[],
  serial: number,
): Buffer {
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array([serial]).buffer,
    signature: ECDSA_SHA384,
    issuer: name('Test CSCA'),
    validity: new Validity({ notBefore: new Date('2024-01-01'), notAfter: new Date('2034-01-01') }),
    subject: name(subject),
    subjectPublicKeyInfo: AsnConvert.parse(
      publicKey.export({ type: 'spki', format: 'der' }),
      SubjectPublicKeyInfo,
    ),
    extensions: new Extensions(extensions),
  });
  const signatureValue = new Uint8Array(sign('sha384', der(tbs), issuerKey)).buffer;
  return der(new Certificate({ tbsCertificate: tbs, signatureAlgorithm: ECDSA_SHA384, signatureValue }));
}

function crl(issuerKey: KeyObject, revoked: number[]): Buffer {
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: ECDSA_SHA384,
    issuer: name('Test CSCA'),
    thisUpdate: new Time(new Date('2025-01-01')),
    nextUpdate: new Time(new Date('2027-01-01')),
    ...(revoked.length === 0
      ? {}
      : {
          revokedCertificates: revoked.map(
            (s) =>
              new RevokedCertificate({
                userCertificate: new Uint8Array([s]).buffer,
                revocationDate: new Time(new Date('2025-01-01')),
              }),
          ),
        }),
  });
  const signature = new Uint8Array(sign('sha384', der(tbs), issuerKey)).buffer;
  return der(new CertificateList({ tbsCertList: tbs, signatureAlgorithm: ECDSA_SHA384, signature }));
}

const { csca, signer, impostor } = testKeys;
/** The self-signed test CSCA (serial 1). */
export const testCsca = testCertificate(
  'Test CSCA',
  csca.publicKey,
  csca.privateKey,
  [extension('2.5.29.19', der(new BasicConstraints({ cA: true })), true)],
  1,
);
const eku = extension('2.5.29.37', der(new ExtendedKeyUsage([VDS_NC_SIGNER_EKU])), true);

/** Barcode signer certificates of the test PKI (serials 0x42, 0x43, 0x44). */
export const testSigners = {
  good: testCertificate(
    'Test barcode signer',
    signer.publicKey,
    csca.privateKey,
    [eku, extension(DOCUMENT_TYPE_LIST_OID, NV_ONLY)],
    0x42,
  ),
  noUsage: testCertificate('Not a VDS signer', signer.publicKey, csca.privateKey, [], 0x43),
  impostor: testCertificate('Test barcode signer', signer.publicKey, impostor.privateKey, [eku], 0x44),
};

/** An ES384 seal of the test PKI, its certificate `cer`. */
export function testSeal(cer: Buffer, t = 'icao.vacc') {
  const data = {
    hdr: { t, v: 1, is: 'UTO' },
    msg: {
      uvci: 'U0001',
      pid: { n: 'ANYPERSON  JOHN', dob: '1951-01-20' },
      ve: [
        {
          des: 'XM68M6',
          nam: 'Comirnaty',
          vd: [{ dvc: '2024-05-01', seq: 1, ctr: 'UTO', adm: 'C1', lot: 'L1' }],
        },
      ],
    },
  };
  const sigvl = sign('sha384', Buffer.from(canonicalize(data)), {
    key: signer.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return { data, sig: { alg: 'ES384', cer: cer.toString('base64url'), sigvl: sigvl.toString('base64url') } };
}

/** The test CSCA's trust entry, with a CRL revoking `revoked` serials (fresh from 2025 to 2027). */
export const testEntry = (revoked: number[]) => ({
  framework: 'icao',
  country: 'UTO',
  certificate: testCsca.toString('base64'),
  crl: crl(csca.privateKey, revoked).toString('base64'),
});

// A DER SEQUENCE of `parts` (lengths up to 65535, enough for a certificate).
const sequence = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const length =
    body.length < 0x80
      ? Buffer.from([body.length])
      : body.length < 0x100
        ? Buffer.from([0x81, body.length])
        : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([0x30]), length, body]);
};

/**
 * `certificate` with its TBS changed by `patch` (which may change bytes, not the length) and signed
 * again by the CSCA, so that only what was patched makes it differ from one the CSCA issued.
 */
export function patchedCertificate(certificate: Buffer, patch: (tbs: Buffer) => void): Buffer {
  const tbs = der(AsnConvert.parse(certificate, Certificate).tbsCertificate);
  patch(tbs);
  const signature = sign('sha384', tbs, csca.privateKey);
  const bitString = Buffer.concat([Buffer.from([0x03, signature.length + 1, 0]), signature]);
  return sequence(tbs, der(ECDSA_SHA384), bitString);
}

/** `certificate` with its notAfter (2034-01-01) written as a time no parser reads, signed by the CSCA. */
export const withBadValidity = (certificate: Buffer): Buffer =>
  patchedCertificate(certificate, (tbs) => {
    const at = tbs.indexOf('340101000000Z', 0, 'latin1');
    if (at < 0) throw new Error('no notAfter of 2034-01-01 in the TBS');
    tbs.write('34AB01000000Z', at, 'latin1');
  });
