// Test fixtures (Node only, not part of the bundle): the Australian VDS-NC vectors and a test PKI of
// our own (P-384 CSCA and barcode signer, ES384 seals), to reach what the vectors cannot: a CRL that
// revokes the signer, a signer without the VDS-NC key usage, one issued by an impostor.
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

const VECTORS = new URL('../../../../../../test/vectors/icao-vds-nc/', import.meta.url);

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
const newKey = (name: keyof typeof KEYS) => {
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
const VDS_NC_SIGNER_EKU = '2.23.136.1.1.14.2';

function certificate(
  subject: string,
  publicKey: KeyObject,
  issuerKey: KeyObject,
  extensions: Extension[],
  serial: number,
) {
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

const csca = newKey('csca');
const signer = newKey('signer');
const impostor = newKey('impostor');
const cscaDer = certificate(
  'Test CSCA',
  csca.publicKey,
  csca.privateKey,
  [extension('2.5.29.19', der(new BasicConstraints({ cA: true })), true)],
  1,
);
const eku = extension('2.5.29.37', der(new ExtendedKeyUsage([VDS_NC_SIGNER_EKU])), true);

/** Barcode signer certificates of the test PKI. */
export const testSigners = {
  good: certificate(
    'Test barcode signer',
    signer.publicKey,
    csca.privateKey,
    [eku, extension('2.23.136.1.1.6.2', NV_ONLY)],
    0x42,
  ),
  noUsage: certificate('Not a VDS signer', signer.publicKey, csca.privateKey, [], 0x43),
  impostor: certificate('Test barcode signer', signer.publicKey, impostor.privateKey, [eku], 0x44),
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
  certificate: cscaDer.toString('base64'),
  crl: crl(csca.privateKey, revoked).toString('base64'),
});
