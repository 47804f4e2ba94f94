import { describe, expect, it } from 'vitest';
import { aus, whoExample as example } from './pki-fixtures.js';
import { isIcaoVdsNc } from './seal.js';
import { prepareIcaoTrust } from './trust.js';
import { verifyIcaoVdsNc } from './verify.js';

const entry = { framework: 'icao', country: 'AUS', certificate: aus.cscaCertDerB64, crl: aus.crlDerB64 };
const trust = prepareIcaoTrust([entry]);
const now = new Date('2026-01-01T00:00:00Z');
const clone = <T>(value: T): T => structuredClone(value);

describe('verifyIcaoVdsNc on the Australian test seals', () => {
  it('verifies validVds, its signer chained to the AUS CSCA', () => {
    const report = verifyIcaoVdsNc(aus.validVds, { trust, now });
    expect(report.errors).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.format).toBe('icao-vds-nc');
  });

  it('verifies the seal given as JSON text', () => {
    expect(verifyIcaoVdsNc(JSON.stringify(aus.validVds), { trust: [entry], now }).verified).toBe(true);
  });

  it('maps the vaccination events into the canonical record', () => {
    const { record } = verifyIcaoVdsNc(aus.validVds, { trust, now });
    expect(record?.name).toBe('CITIZEN  JANE CATHERINE');
    expect(record?.birthDate).toBe('1977-05-16');
    expect(record?.identifier?.value).toBe('PF0911009');
    expect(record?.sex).toBe('female');
    expect(record?.certificate.hcid.value).toBe('VB0009990038');
    expect(record?.vaccinations).toHaveLength(2);
    expect(record?.vaccinations[1]).toMatchObject({
      vaccine: { code: 'XM68M6' },
      date: '2021-07-01',
      dose: 2,
      lot: 'ER7449',
      country: { code: 'AUS' },
      centre: 'General Practitioner',
    });
  });

  it('reports the long expired CRL as stale but still checks it', () => {
    const report = verifyIcaoVdsNc(aus.validVds, { trust, now });
    expect(report.checks.status.ok).toBe(true);
    expect(report.native?.crl).toMatchObject({ stale: true, nextUpdate: '2021-11-17T03:56:55.000Z' });
  });

  it('fails the status check on a stale CRL when asked to', () => {
    const report = verifyIcaoVdsNc(aus.validVds, { trust, now, staleCrl: 'fail' });
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('passes on a fresh CRL under the strict policy', () => {
    const report = verifyIcaoVdsNc(aus.validVds, {
      trust,
      now: new Date('2021-09-15T00:00:00Z'),
      staleCrl: 'fail',
    });
    expect(report.verified).toBe(true);
    expect(report.native?.crl).toMatchObject({ stale: false });
  });

  it('fails invalidVds (name changed) with SIGNATURE_INVALID', () => {
    const report = verifyIcaoVdsNc(aus.invalidVds, { trust, now });
    expect(report.verified).toBe(false);
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('tells a seal from other JSON', () => {
    expect(isIcaoVdsNc(aus.validVds)).toBe(true);
    expect(isIcaoVdsNc(JSON.stringify(aus.validVds))).toBe(true);
    expect(isIcaoVdsNc(aus.nonVdsJson)).toBe(false);
    expect(isIcaoVdsNc('shc:/5676')).toBe(false);
    expect(isIcaoVdsNc(example('vaccination_example.json'))).toBe(true);
    expect(isIcaoVdsNc(example('testing_example.json'))).toBe(true);
  });
});

describe('verifyIcaoVdsNc on hostile seals', () => {
  it('does not trust a state without a CSCA', () => {
    const report = verifyIcaoVdsNc(aus.validVds, { trust: [], now });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
  });

  it('rejects a signer certificate not issued by the trusted CSCA', () => {
    // Trusting another certificate for AUS (here the signer itself) leaves the signer without a trusted issuer.
    const other = { framework: 'icao', country: 'AUS', certificate: aus.bscCertDerB64 };
    const report = verifyIcaoVdsNc(aus.validVds, { trust: [other], now });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'CHAIN_INVALID' });
    expect(report.verified).toBe(false);
  });

  it('rejects a CSCA presented as the barcode signer (no VDS-NC key usage)', () => {
    const seal = clone(aus.validVds);
    seal.sig.cer = Buffer.from(aus.cscaCertDerB64, 'base64').toString('base64url');
    const report = verifyIcaoVdsNc(seal, { trust, now });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'KEY_USAGE_MISMATCH' });
    expect(report.checks.signature).toEqual({ ok: false, code: 'ALGORITHM_NOT_ALLOWED' });
  });

  it('rejects a seal type the signer may not sign', () => {
    const seal = clone(aus.validVds);
    seal.data.hdr.t = 'icao.test';
    const report = verifyIcaoVdsNc(seal, { trust, now });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'KEY_USAGE_MISMATCH' });
  });

  it('rejects an algorithm VDS-NC does not allow', () => {
    const seal = clone(aus.validVds);
    seal.sig.alg = 'RS256';
    expect(verifyIcaoVdsNc(seal, { trust, now }).checks.signature).toEqual({
      ok: false,
      code: 'ALGORITHM_NOT_ALLOWED',
    });
  });

  it('rejects an algorithm that does not match the signer key', () => {
    const seal = clone(aus.validVds);
    seal.sig.alg = 'ES384';
    expect(verifyIcaoVdsNc(seal, { trust, now }).checks.signature).toEqual({
      ok: false,
      code: 'ALGORITHM_NOT_ALLOWED',
    });
  });

  it('rejects a truncated signature (the WHO examples)', () => {
    const report = verifyIcaoVdsNc(example('vaccination_example.json') as object, { trust, now });
    expect(report.verified).toBe(false);
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });

  it('reports an expired and a not yet valid signer certificate', () => {
    expect(
      verifyIcaoVdsNc(aus.validVds, { trust, now: new Date('2032-01-01T00:00:00Z') }).checks.validity,
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_EXPIRED',
    });
    expect(
      verifyIcaoVdsNc(aus.validVds, { trust, now: new Date('2021-08-01T00:00:00Z') }).checks.validity,
    ).toEqual({
      ok: false,
      code: 'CERTIFICATE_NOT_YET_VALID',
    });
  });

  it('reports a CRL the CSCA did not sign as STATUS_UNAVAILABLE', () => {
    const bytes = Buffer.from(aus.crlDerB64, 'base64');
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    const forged = { ...entry, crl: bytes.toString('base64') };
    const report = verifyIcaoVdsNc(aus.validVds, { trust: [forged], now });
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('rejects a seal without sig', () => {
    const { data } = aus.validVds;
    expect(verifyIcaoVdsNc({ data }, { trust, now }).checks.decoding).toEqual({
      ok: false,
      code: 'DECODING_FAILED',
    });
  });

  it('rejects text that is not JSON, and text beyond the size bound', () => {
    expect(verifyIcaoVdsNc('{"data":', { trust, now }).checks.decoding).toEqual({
      ok: false,
      code: 'DECODING_FAILED',
    });
    const big = `{"x":"${'a'.repeat(40_000)}"}`;
    expect(verifyIcaoVdsNc(big, { trust, now }).checks.decoding).toEqual({
      ok: false,
      code: 'INPUT_TOO_LARGE',
    });
  });

  it('survives deeply nested members in the message', () => {
    const seal = clone(aus.validVds);
    const deep = `${'['.repeat(14_000)}${']'.repeat(14_000)}`;
    const text = JSON.stringify(seal).replace('"uvci"', `"deep":${deep},"uvci"`);
    const report = verifyIcaoVdsNc(text, { trust, now });
    expect(report.verified).toBe(false);
    expect(report.checks.signature.ok).toBe(false);
  });

  it('rejects a sig.cer that is not a certificate', () => {
    const seal = clone(aus.validVds);
    seal.sig.cer = 'AAAA';
    expect(verifyIcaoVdsNc(seal, { trust, now }).checks.decoding).toEqual({
      ok: false,
      code: 'DECODING_FAILED',
    });
  });

  it('reports a vaccination message without events as SCHEMA_INVALID', () => {
    const seal = clone(aus.validVds);
    delete seal.data.msg.ve;
    const report = verifyIcaoVdsNc(seal, { trust, now });
    expect(report.checks.schema).toEqual({ ok: false, code: 'SCHEMA_INVALID' });
    expect(report.checks.signature.ok).toBe(false);
  });
});
