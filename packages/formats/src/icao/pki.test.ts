import { generateKeyPairSync, type KeyObject, sign, X509Certificate } from 'node:crypto';
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
import { describe, expect, it } from 'vitest';
import { checkChainValidity, DOCUMENT_TYPE_LIST_OID, VDS_NC_SIGNER_EKU } from './signer.js';
import { prepareIcaoCsca } from './trust.js';
import { verifyIcaoVdsNc } from './verify.js';

// A test PKI of our own (P-384 CSCA and barcode signer, ES384 seals), to reach what the Australian
// vector cannot: a CRL that revokes the signer, a signer without the VDS-NC key usage.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string;
const ECDSA_SHA384 = new AlgorithmIdentifier({ algorithm: '1.2.840.10045.4.3.3' });
const der = (value: object) => Buffer.from(AsnConvert.serialize(value));
const arrayBuffer = (b: Buffer) => new Uint8Array(b).buffer;
const name = (cn: string) =>
  new Name([
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: cn }) }),
    ]),
  ]);
const newKey = () => generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
// DocumentTypeListSyntax { version 0, { "NV" } }
const NV_ONLY = Buffer.from('3009020100310413024e56', 'hex');

function certificate(
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
  const signatureValue = arrayBuffer(sign('sha384', der(tbs), issuerKey));
  return der(new Certificate({ tbsCertificate: tbs, signatureAlgorithm: ECDSA_SHA384, signatureValue }));
}

function crl(issuerKey: KeyObject, revokedSerials: number[]): Buffer {
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: ECDSA_SHA384,
    issuer: name('Test CSCA'),
    thisUpdate: new Time(new Date('2025-01-01')),
    nextUpdate: new Time(new Date('2035-01-01')),
    ...(revokedSerials.length === 0
      ? {}
      : {
          revokedCertificates: revokedSerials.map(
            (s) =>
              new RevokedCertificate({
                userCertificate: new Uint8Array([s]).buffer,
                revocationDate: new Time(new Date('2025-01-01')),
              }),
          ),
        }),
  });
  const signature = arrayBuffer(sign('sha384', der(tbs), issuerKey));
  return der(new CertificateList({ tbsCertList: tbs, signatureAlgorithm: ECDSA_SHA384, signature }));
}

const extension = (extnID: string, value: Uint8Array, critical = false) =>
  new Extension({ extnID, critical, extnValue: new OctetString(value) });

const csca = newKey();
const cscaDer = certificate(
  'Test CSCA',
  csca.publicKey,
  csca.privateKey,
  [extension('2.5.29.19', der(new BasicConstraints({ cA: true })), true)],
  1,
);
const signer = newKey();
const signerDer = certificate(
  'Test barcode signer',
  signer.publicKey,
  csca.privateKey,
  [
    extension('2.5.29.37', der(new ExtendedKeyUsage([VDS_NC_SIGNER_EKU])), true),
    extension(DOCUMENT_TYPE_LIST_OID, NV_ONLY),
  ],
  0x42,
);
const plainSignerDer = certificate('Not a VDS signer', signer.publicKey, csca.privateKey, [], 0x43);

function seal(cer: Buffer) {
  const data = {
    hdr: { t: 'icao.vacc', v: 1, is: 'UTO' },
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

const trustWith = (revoked: number[]) => [
  {
    framework: 'icao',
    country: 'UTO',
    certificate: cscaDer.toString('base64'),
    crl: crl(csca.privateKey, revoked).toString('base64'),
  },
];
const now = new Date('2026-01-01T00:00:00Z');

describe('verifyIcaoVdsNc with a test PKI', () => {
  it('verifies an ES384 seal whose signer is not on the CRL', () => {
    const report = verifyIcaoVdsNc(seal(signerDer), { trust: trustWith([7]), now, staleCrl: 'fail' });
    expect(report.errors).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it('reports a signer on the CRL as CERTIFICATE_REVOKED', () => {
    const report = verifyIcaoVdsNc(seal(signerDer), { trust: trustWith([7, 0x42]), now });
    expect(report.checks.status).toEqual({ ok: false, code: 'CERTIFICATE_REVOKED' });
    expect(report.verified).toBe(false);
  });

  it('rejects a signer certificate without the VDS-NC extended key usage', () => {
    const report = verifyIcaoVdsNc(seal(plainSignerDer), { trust: trustWith([]), now });
    expect(report.checks.signature.ok).toBe(true);
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'KEY_USAGE_MISMATCH' });
  });

  it('rejects a signer certificate issued by an untrusted CA of the same name', () => {
    const impostor = newKey();
    const forged = certificate(
      'Test barcode signer',
      signer.publicKey,
      impostor.privateKey,
      [extension('2.5.29.37', der(new ExtendedKeyUsage([VDS_NC_SIGNER_EKU])), true)],
      0x44,
    );
    const report = verifyIcaoVdsNc(seal(forged), { trust: trustWith([]), now });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'CHAIN_INVALID' });
  });
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

/** `tbs` with the first occurrence of the ASCII `from` replaced by `to` (same length), signed by `key`. */
function signedWithPatch(tbs: Buffer, from: string, to: string, key: KeyObject): Buffer {
  const at = tbs.indexOf(from, 0, 'latin1');
  if (at < 0 || from.length !== to.length) throw new Error(`no ${from} in the TBS`);
  const patched = Buffer.from(tbs);
  patched.write(to, at, 'latin1');
  const signature = sign('sha384', patched, key);
  const bitString = Buffer.concat([Buffer.from([0x03, signature.length + 1, 0]), signature]);
  return sequence(patched, der(ECDSA_SHA384), bitString);
}

/** The barcode signer's TBS, its notAfter (2034-01-01) written as a time no parser reads. */
function signerWithBadValidity(): Buffer {
  const tbs = AsnConvert.parse(signerDer, Certificate).tbsCertificate;
  return signedWithPatch(der(tbs), '340101000000Z', '34AB01000000Z', csca.privateKey);
}

/** The barcode signer's TBS with one byte of its public key's point changed (off the curve), signed. */
function signerWithBrokenKey(): Buffer {
  const tbs = der(AsnConvert.parse(signerDer, Certificate).tbsCertificate);
  const point = signer.publicKey.export({ type: 'spki', format: 'der' }).subarray(-96);
  const at = tbs.indexOf(point);
  if (at < 0) throw new Error('no public key in the TBS');
  const patched = Buffer.from(tbs);
  patched[at + 10] = (patched[at + 10] ?? 0) ^ 0xff;
  const bitString = (signature: Buffer) =>
    Buffer.concat([Buffer.from([0x03, signature.length + 1, 0]), signature]);
  return sequence(patched, der(ECDSA_SHA384), bitString(sign('sha384', patched, csca.privateKey)));
}

describe('a barcode signer certificate whose public key does not decode', () => {
  it('is DECODING_FAILED, not a throw from node:crypto, even signed by a trusted CSCA', () => {
    const report = verifyIcaoVdsNc(seal(signerWithBrokenKey()), { trust: trustWith([]), now });
    expect(report.verified).toBe(false);
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });
});

describe('certificates whose validity period does not parse', () => {
  it('refuses such a barcode signer as DECODING_FAILED, even signed by a trusted CSCA', () => {
    const report = verifyIcaoVdsNc(seal(signerWithBadValidity()), { trust: trustWith([]), now });
    expect(report.verified).toBe(false);
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });

  it('refuses such a CSCA in the trust list as INVALID_ARGUMENT', () => {
    const tbs = AsnConvert.parse(cscaDer, Certificate).tbsCertificate;
    const bad = signedWithPatch(der(tbs), '340101000000Z', '34AB01000000Z', csca.privateKey);
    expect(() =>
      prepareIcaoCsca({ framework: 'icao', country: 'UTO', certificate: bad.toString('base64') }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('fails the chain check, not passes it, for a period that does not parse', () => {
    const certificate = new X509Certificate(signerWithBadValidity());
    expect(checkChainValidity([certificate], now)).toMatchObject({ ok: false });
  });
});
