import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RuleSet, signRuleSet } from '@passage/rules';
import { createTrustList, generateOperatorKey, mergeTrustEntries, signTrustList } from '@passage/trust';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createVerifierData } from '../data.js';
import {
  dccCases,
  dccEntryFor,
  ICAO_AT,
  icaoEntry,
  icaoSeals,
  SHC_AT,
  SHC_ISS,
  shcEntry,
  shcQr,
} from '../foreign-fixtures.js';
import { fileTrustSource } from '../trust-source.js';
import { createVerifierApp } from './app.js';

const cases = dccCases();
const certificates = [...new Set(cases.flatMap((c) => (c.certificate ? [c.certificate] : [])))];
const entries = [...certificates.map((c) => dccEntryFor(c)), shcEntry, icaoEntry];
const dir = mkdtempSync(join(tmpdir(), 'passage-foreign-'));
const trustFile = join(dir, 'trust.json');
writeFileSync(trustFile, JSON.stringify({ entries }));
const logger = pino({ level: 'silent' });
const app = createVerifierApp({ trust: fileTrustSource(trustFile), logger });
const verify = (body: Record<string, unknown>) => request(app).post('/v1/verify').send(body);

describe('POST /v1/verify on EU DCC test cases (trust file with every case’s DSC)', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  for (const c of cases) {
    it(`${c.name} ${c.verifies ? 'verifies' : 'fails'} at its validation clock`, async () => {
      const res = await verify({ qr: c.text, at: c.at });
      expect(res.status).toBe(200);
      // Text without a DCC context (HL0:, bare base45) is not told as a DCC: Passage reads and refuses it.
      expect(res.body.format).toBe(/^HC\d:/.test(c.text) ? 'dcc' : 'passage');
      expect(res.body.verified, JSON.stringify(res.body.errors)).toBe(c.verifies);
      if (res.body.record) expect(res.body.view.holder.name).toBe(res.body.record.name);
    });
  }

  it('gives a vaccination its record, its view and the issuing country', async () => {
    const at1 = cases.find((c) => c.name === 'AT/1.json');
    const res = await verify({ qr: at1?.text, at: at1?.at });
    expect(res.body.verified).toBe(true);
    expect(res.body.credentialType).toBe('VaccinationCertificate');
    expect(res.body.record.vaccinations[0].brand.code).toBe('EU/1/20/1528');
    expect(res.body.view.holder.name).toBe(res.body.record.name);
    expect(res.body.view.facts.doses.length).toBeGreaterThan(0);
    expect(res.body.issuer.country).toBe('XX');
  });
});

describe('POST /v1/verify on the SMART Health Card examples', () => {
  it('verifies example 00 with its holder in the view', async () => {
    const res = await verify({ qr: shcQr('00'), at: SHC_AT });
    expect(res.body).toMatchObject({ verified: true, format: 'shc', issuer: { id: SHC_ISS } });
    expect(res.body.view.holder).toMatchObject({ name: 'John B. Anyperson', birthDate: '1951-01-20' });
    expect(res.body.record.vaccinations).toHaveLength(3);
  });

  it('verifies example 01', async () => {
    expect((await verify({ qr: shcQr('01'), at: SHC_AT })).body.verified).toBe(true);
  });

  it('verifies example 02 from its three legacy chunks given as qrs, in any order', async () => {
    const res = await verify({ qrs: [shcQr('02', 2), shcQr('02', 0), shcQr('02', 1)], at: SHC_AT });
    expect(res.body).toMatchObject({ verified: true, format: 'shc' });
  });

  it('refuses example 03, revoked by the issuer’s CRL', async () => {
    const res = await verify({ qr: shcQr('03'), at: SHC_AT });
    expect(res.body.verified).toBe(false);
    expect(res.body.checks.status).toEqual({ ok: false, code: 'REVOKED' });
  });

  it('reads a single qrs entry as the text it is, and refuses chunks that are not a card', async () => {
    expect((await verify({ qrs: [shcQr('00')], at: SHC_AT })).body.verified).toBe(true);
    const mixed = await verify({ qrs: ['PV1:ABC', 'PV1:DEF'] });
    expect(mixed.status).toBe(200);
    expect(mixed.body).toMatchObject({ verified: false, format: 'passage' });
  });

  it('answers 400 for qr and qrs together', async () => {
    const res = await verify({ qr: shcQr('00'), qrs: [shcQr('00')] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });
});

describe('ICAO VDS-NC over HTTP', () => {
  it('verifies the Australian seal given as an object, and as JSON text', async () => {
    const asObject = await verify({ credential: icaoSeals.valid, at: ICAO_AT });
    expect(asObject.body).toMatchObject({
      verified: true,
      format: 'icao-vds-nc',
      issuer: { country: 'AUS' },
    });
    expect(asObject.body.view.holder.name).toBe(asObject.body.record.name);
    const asText = await verify({ qr: JSON.stringify(icaoSeals.valid), at: ICAO_AT });
    expect(asText.body.verified).toBe(true);
  });

  it('refuses the tampered seal', async () => {
    const res = await verify({ credential: icaoSeals.tampered, at: ICAO_AT });
    expect(res.body).toMatchObject({ verified: false, format: 'icao-vds-nc' });
  });

  it('answers the VC-API endpoint too, 422 when the seal does not verify', async () => {
    const ok = await request(app)
      .post('/credentials/verify')
      .send({ verifiableCredential: icaoSeals.valid, options: { at: ICAO_AT } });
    expect(ok.status).toBe(200);
    const bad = await request(app)
      .post('/credentials/verify')
      .send({ verifiableCredential: icaoSeals.tampered, options: { at: ICAO_AT } });
    expect(bad.status).toBe(422);
  });
});

// Singapore asks for one dose of anything; the rule is in force from 2020 so the vectors' clocks fall in it.
const oneDose: RuleSet = {
  type: 'PassageEntryRules',
  schemaVersion: 1,
  version: 1,
  issuedAt: '2025-01-01T00:00:00Z',
  rules: [
    {
      id: 'SGP-VAC-1',
      version: '1.0.0',
      economy: 'SGP',
      credentialType: 'VaccinationCertificate',
      description: { en: 'At least one dose of a vaccine.' },
      validFrom: '2020-01-01T00:00:00Z',
      logic: { '>=': [{ var: 'derived.lastDose.dose' }, 1] },
    },
  ],
};

describe('foreign certificates under a signed trust list and entry rules', () => {
  const operator = generateOperatorKey('ES256');
  const { list } = mergeTrustEntries(createTrustList('Test operator'), entries);
  const listFile = join(dir, 'trust-list.json');
  const rulesFile = join(dir, 'rules.json');
  writeFileSync(listFile, JSON.stringify(signTrustList(list, operator.privateJwk)));
  writeFileSync(rulesFile, JSON.stringify(signRuleSet(oneDose, operator.privateJwk)));
  const data = createVerifierData({
    operatorKeys: [operator.publicJwk],
    trustListFile: listFile,
    entryRulesFile: rulesFile,
    network: false,
  });
  const signed = createVerifierApp({ data, logger });

  it('takes the foreign trust from the signed list, prepared once', () => {
    expect(data.foreign()).toBe(data.foreign());
    expect(data.foreign().shc.has(SHC_ISS)).toBe(true);
  });

  it('judges the entry rules of a DCC, an SHC and a VDS-NC seal on their canonical record', async () => {
    const at1 = cases.find((c) => c.name === 'AT/1.json');
    const inputs = [
      { qr: at1?.text, at: at1?.at },
      { qr: shcQr('00'), at: SHC_AT },
      { credential: icaoSeals.valid, at: ICAO_AT },
    ];
    for (const input of inputs) {
      const res = await request(signed)
        .post('/v1/verify')
        .send({ ...input, economy: 'SGP' });
      expect(res.body.verified, JSON.stringify(res.body.errors)).toBe(true);
      expect(res.body.entry).toMatchObject({ economy: 'SGP', outcome: 'meets' });
    }
  });

  it('says a forged seal is not authentic rather than judging its rules', async () => {
    const res = await request(signed)
      .post('/v1/verify')
      .send({ credential: icaoSeals.tampered, at: ICAO_AT, economy: 'SGP' });
    expect(res.body.entry.outcome).toBe('not-authentic');
  });
});
