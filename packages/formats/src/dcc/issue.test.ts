import { verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { Decoder, encode, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { issueDcc } from './issue.js';
import { createDevelopmentDsc, DCC_VACCINATION_EKU, dscSerial } from './issue-dsc.js';
import { dccTrustEntryFor, readDsc } from './issue-dsc-import.js';
import { base45Decode, exampleRecord, ISSUED_AT, p256, VALID_UNTIL } from './issue-fixtures.js';
import { keyObjectSigner } from './issue-signer.js';
import { createDccTrust, dccKidOf } from './trust.js';
import { verifyDcc } from './verify.js';

const authority = p256();
const signer = keyObjectSigner(authority.privateKey);
const dsc = await createDevelopmentDsc({
  publicKey: authority.publicKey,
  signer,
  country: 'THA',
  commonName: 'Thailand Ministry of Public Health',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2028-01-01T00:00:00Z'),
});
const kid = Buffer.from(dccKidOf(dsc), 'base64');
const issue = (record = exampleRecord()) =>
  issueDcc({
    record,
    issuerName: 'Ministry of Public Health',
    signer,
    kid,
    country: 'TH',
    iat: ISSUED_AT,
    exp: VALID_UNTIL,
  });

const cbor = new Decoder({ mapsAsObjects: false });
const decode = (bytes: Uint8Array): unknown => cbor.decode(bytes);
/** CBOR maps with text keys as plain objects, to compare the payload with JSON. */
const plain = (value: unknown): unknown =>
  value instanceof Map
    ? Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]))
    : Array.isArray(value)
      ? value.map(plain)
      : value;

/** Decodes HC1 text with nothing from this package: base45 from the RFC, zlib, cbor-x, node:crypto. */
function independentlyDecode(text: string) {
  const cose = decode(inflateSync(base45Decode(text.slice('HC1:'.length))));
  if (!(cose instanceof Tag)) throw new Error('not a tagged COSE message');
  expect(cose.tag).toBe(18);
  const [protectedBytes, unprotected, payload, signature] = cose.value as [
    Uint8Array,
    Map<number, unknown>,
    Uint8Array,
    Uint8Array,
  ];
  const header = decode(protectedBytes) as Map<number, unknown>;
  const toBeSigned = encode(['Signature1', protectedBytes, Buffer.alloc(0), payload]);
  const signatureValid = cryptoVerify(
    'sha256',
    toBeSigned,
    { key: authority.publicKey, dsaEncoding: 'ieee-p1363' },
    signature,
  );
  return { header, unprotected, claims: decode(payload) as Map<number, unknown>, signatureValid };
}

describe('issueDcc', () => {
  it('issues HC1 text that Passage verifies with a trust entry made from the published DSC', async () => {
    const text = await issue();
    const { trust } = createDccTrust([dccTrustEntryFor(dsc, 'TH')]);
    const report = verifyDcc(text, { trust, now: new Date('2026-02-01T00:00:00Z') });
    expect(report.errors).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.record?.name).toBe('Somchai Jaidee');
    expect(report.record?.birthDate).toBe('1985-04-12');
    expect(report.record?.vaccinations[0]?.brand.code).toBe('EU/1/20/1528');
  });

  it('agrees with an independent decoder on headers, claims and signature', async () => {
    const { header, unprotected, claims, signatureValid } = independentlyDecode(await issue());
    expect(signatureValid).toBe(true);
    expect(header.get(1)).toBe(-7);
    expect(Buffer.from(header.get(4) as Uint8Array)).toEqual(kid);
    expect(unprotected.size).toBe(0);
    expect(claims.get(1)).toBe('TH');
    expect(claims.get(6)).toBe(ISSUED_AT.getTime() / 1000);
    expect(claims.get(4)).toBe(VALID_UNTIL.getTime() / 1000);
    const hcert = plain((claims.get(-260) as Map<number, unknown>).get(1)) as Record<string, unknown>;
    expect(hcert?.nam).toEqual({ fn: 'Jaidee', fnt: 'JAIDEE', gn: 'Somchai', gnt: 'SOMCHAI' });
    expect(hcert?.v).toEqual([
      {
        tg: '840539006',
        vp: 'J07BX03',
        mp: 'EU/1/20/1528',
        ma: 'ORG-100030215',
        dn: 2,
        sd: 2,
        dt: '2024-03-29',
        co: 'TH',
        is: 'Ministry of Public Health',
        ci: 'URN:UVCI:01:TH:THA/7K2M9QXD4HPA3B5C',
      },
    ]);
  });

  it('refuses a brand with no EU value-set code', async () => {
    const record = exampleRecord();
    for (const v of record.vaccinations) v.brand = { code: 'Unknownvax' };
    await expect(issue(record)).rejects.toMatchObject({
      code: 'VALUE_NOT_MAPPED',
      field: 'vaccinations[1].brand',
    });
  });

  it('refuses a manufacturer with no EU value-set code', async () => {
    const record = exampleRecord();
    for (const v of record.vaccinations) v.manufacturer = { code: 'Pfizer' };
    await expect(issue(record)).rejects.toMatchObject({
      code: 'VALUE_NOT_MAPPED',
      field: 'vaccinations[1].manufacturer',
    });
  });

  it('refuses a name that is not in Latin script', async () => {
    const record = { ...exampleRecord(), name: 'สมชาย ใจดี' };
    await expect(issue(record)).rejects.toMatchObject({ code: 'VALUE_NOT_MAPPED', field: 'name' });
  });

  it('refuses a record without the total doses of the series', async () => {
    const record = exampleRecord();
    for (const v of record.vaccinations) delete v.totalDoses;
    await expect(issue(record)).rejects.toMatchObject({ code: 'VALUE_MISSING' });
  });

  it('refuses a payload the EU schema rejects (a birth year before 1900)', async () => {
    const record = { ...exampleRecord(), birthDate: '1899-12-31' };
    await expect(issue(record)).rejects.toMatchObject({ code: 'PAYLOAD_INVALID', field: '/dob (pattern)' });
  });

  it('refuses a signer that answers a DER signature', async () => {
    const der = { sign: () => new Uint8Array(71) };
    await expect(
      issueDcc({
        record: exampleRecord(),
        issuerName: 'X',
        signer: der,
        kid,
        country: 'TH',
        iat: ISSUED_AT,
        exp: VALID_UNTIL,
      }),
    ).rejects.toMatchObject({ code: 'SIGNATURE_FORMAT' });
  });
});

describe('document signer certificates', () => {
  it('makes a self-signed development DSC for vaccination, for the authority key', () => {
    const details = readDsc(dsc, authority.publicKey);
    expect(details.country).toBe('TH');
    expect(details.extendedKeyUsage).toEqual([DCC_VACCINATION_EKU]);
    expect(details.selfSigned).toBe(true);
    expect(details.kid).toBe(dccKidOf(dsc));
  });

  it('reads the DSC from PEM too', () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(dsc).toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect(readDsc(pem, authority.publicKey).kid).toBe(dccKidOf(dsc));
  });

  it("refuses a DSC that certifies another key than the authority's", () => {
    expect(() => readDsc(dsc, p256().publicKey)).toThrow(
      expect.objectContaining({ code: 'CERTIFICATE_INVALID' }),
    );
  });

  it('draws serials that DER encodes minimally: never a first byte of 0 (one DSC in ~290 did not parse)', () => {
    for (const first of [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff]) {
      const serial = dscSerial((size) =>
        Uint8Array.from({ length: size }, (_, i) => (i === 0 ? first : 0x05)),
      );
      expect(serial[0]).toBeGreaterThanOrEqual(0x01);
      expect(serial[0]).toBeLessThanOrEqual(0x7f);
      expect(serial.subarray(1)).toEqual(new Uint8Array(15).fill(0x05));
    }
  });

  it('makes DSCs that parse, draw after draw', async () => {
    for (let i = 0; i < 300; i++) {
      const made = await createDevelopmentDsc({
        publicKey: authority.publicKey,
        signer,
        country: 'TH',
        commonName: 'Health',
        notBefore: new Date('2026-01-01T00:00:00Z'),
        notAfter: new Date('2028-01-01T00:00:00Z'),
      });
      expect(() => new X509Certificate(made)).not.toThrow();
    }
  });

  it('refuses a DSC whose validity period does not parse', () => {
    const broken = Buffer.from(dsc);
    const time = /\d{12}Z/.exec(broken.toString('latin1'));
    expect(time).not.toBeNull();
    broken.write('AB', (time?.index ?? 0) + 2, 'latin1');
    expect(() => readDsc(broken, authority.publicKey)).toThrow(
      expect.objectContaining({ code: 'CERTIFICATE_INVALID' }),
    );
  });

  it('refuses bytes that are not a certificate', () => {
    expect(() => readDsc(new Uint8Array(40), authority.publicKey)).toThrow(
      expect.objectContaining({ code: 'CERTIFICATE_INVALID' }),
    );
  });
});
