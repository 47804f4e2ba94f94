import { vaccinationRecordSchema } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { clockOf, dccCase, trustFor } from './fixtures.js';
import { dccVaccinationRecord } from './record.js';
import { verifyDcc } from './verify.js';

describe('DCC to canonical vaccination record', () => {
  const hcert = {
    ver: '1.3.0',
    nam: { fn: 'Musterfrau', fnt: 'MUSTERFRAU', gnt: 'ERIKA<MARIA' },
    dob: '1964-08-12',
    v: [
      {
        tg: '840539006',
        vp: 'J07BX03',
        mp: 'EU/1/20/1528',
        ma: 'ORG-100030215',
        dn: 2,
        sd: 2,
        dt: '2021-05-29',
        co: 'AT',
        is: 'Ministry of Health, Austria',
        ci: 'URN:UVCI:01:AT:B5921A35D6A0D696421B3E2462178297#I',
      },
    ],
  };
  const record = dccVaccinationRecord(hcert, {
    country: 'AT',
    kid: 'AAAAAAAAAAA=',
    iat: 1622316073,
    exp: 1643356073,
  });

  it('follows the canonical schema', () => {
    expect(vaccinationRecordSchema.safeParse(record).success).toBe(true);
  });

  it('maps the vaccination with its codes in their DCC systems', () => {
    expect(record?.vaccinations[0]).toMatchObject({
      vaccine: { system: 'http://www.whocc.no/atc', code: 'J07BX03' },
      brand: { code: 'EU/1/20/1528' },
      maholder: { code: 'ORG-100030215' },
      disease: { system: 'http://snomed.info/sct', code: '840539006' },
      date: '2021-05-29',
      dose: 2,
      totalDoses: 2,
      country: { code: 'AT' },
    });
  });

  it('names the holder given name first, using the transliteration when the national form is absent', () => {
    expect(record?.name).toBe('ERIKA MARIA Musterfrau');
    expect(record?.birthDate).toBe('1964-08-12');
  });

  it('carries the certificate id, issuer and CWT period', () => {
    expect(record?.certificate).toMatchObject({
      issuer: { identifier: 'AT', name: 'Ministry of Health, Austria' },
      hcid: { value: hcert.v[0]?.ci },
      version: '1.3.0',
      period: { start: '2021-05-29T19:21:13.000Z', end: '2022-01-28T07:47:53.000Z' },
    });
  });

  it('gives no record when a vaccination carries an empty code', () => {
    const v = { ...hcert.v[0], vp: '' };
    expect(dccVaccinationRecord({ ...hcert, v: [v] }, { country: 'NL', kid: '', exp: 0 })).toBeUndefined();
  });

  it('gives no record for a test or recovery certificate', () => {
    expect(
      dccVaccinationRecord({ ver: '1.3.0', t: [{}] }, { country: 'AT', kid: '', exp: 0 }),
    ).toBeUndefined();
  });
});

describe('DCC reports on EU cases', () => {
  const report = (name: string) => {
    const testCase = dccCase(name);
    return verifyDcc(testCase.PREFIX ?? '', { trust: trustFor(testCase), now: clockOf(testCase) });
  };

  it('gives a verified vaccination its record, its native payload and the issuing country', () => {
    const vaccination = report('AT/1.json');
    expect(vaccination.verified).toBe(true);
    expect(vaccination.credentialType).toBe('VaccinationCertificate');
    expect(vaccination.record?.vaccinations[0]?.brand).toEqual({
      system: 'https://id.uvci.eu/valuesets/vaccine-medicinal-product.json',
      code: 'EU/1/20/1528',
      display: 'Comirnaty',
    });
    expect(vaccination.native?.v).toBeDefined();
    expect(vaccination.issuer).toMatchObject({
      country: 'XX',
      economy: 'XX',
      name: 'Ministry of Health, Austria',
    });
  });

  it('keeps a recovery in its native form only', () => {
    const recovery = report('AT/2.json');
    expect(recovery.verified).toBe(true);
    expect(recovery.credentialType).toBe('RecoveryCertificate');
    expect(recovery.record).toBeUndefined();
    expect(recovery.native?.r).toBeDefined();
  });

  it('claims no economy for an issuer it cannot trust', () => {
    const testCase = dccCase('AT/1.json');
    const untrusted = verifyDcc(testCase.PREFIX ?? '', { trust: trustFor({ ...testCase, TESTCTX: {} }) });
    expect(untrusted.checks.signature).toEqual({ ok: false, code: 'KEY_NOT_FOUND' });
    expect(untrusted.issuer?.economy).toBeUndefined();
  });
});
