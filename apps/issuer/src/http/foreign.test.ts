import { createDccTrust, verifyDcc, verifyShc } from '@passage/formats';
import { exampleVaccinationInput } from '@passage/schema';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';
import type { IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';

// Issuing a vaccination certificate as an EU DCC or a SMART Health Card, and verifying it with only
// what the issuer publishes: the DSC trust entry and the JWKS.
let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let health: CreatedAuthority;
let edHealth: CreatedAuthority;

const bearer = (a: CreatedAuthority) => ({ authorization: `Bearer ${a.apiKey}` });
const issue = (format: string, a: CreatedAuthority = health) =>
  request(app)
    .post(`/v1/vaccination-certificates?format=${format}`)
    .set(bearer(a))
    .send(exampleVaccinationInput);

beforeAll(async () => {
  ({ issuer, app } = await openTestApp());
  health = await issuer.service.createAuthority({
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
    slug: 'th-moph',
  });
  edHealth = await issuer.service.createAuthority({
    name: 'Ed Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
    keyType: 'Ed25519',
  });
});

afterAll(() => issuer.close());

describe('DCC', () => {
  it('409 DSC_MISSING before the authority has a DSC', async () => {
    const res = await issue('dcc');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DSC_MISSING');
  });

  it('issues HC1 text that verifies against the published trust entry', async () => {
    const dsc = await issuer.service.generateDsc('th-moph');
    const published = await request(app).get('/authorities/th-moph/dcc-trust.json');
    expect(published.status).toBe(200);
    expect(published.body).toEqual(dsc.trustEntry);
    expect(published.body).toMatchObject({ framework: 'dcc', country: 'TH' });

    const res = await issue('dcc');
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('dcc');
    expect(res.body.qr).toMatch(/^HC1:/);
    expect(res.body.status.applicable).toBe(false);
    const { trust } = createDccTrust([published.body]);
    const report = verifyDcc(res.body.qr, { trust });
    expect(report.errors).toEqual([]);
    expect(report.record?.name).toBe('Somchai Jaidee');
    expect(report.record?.vaccinations[0]?.brand.code).toBe('EU/1/20/1528');
  });

  it('answers the same certificate to a retry with the same Idempotency-Key, from the sealed record', async () => {
    const send = () =>
      request(app)
        .post('/v1/vaccination-certificates?format=dcc')
        .set({ ...bearer(health), 'idempotency-key': 'dcc-retry-1' })
        .send(exampleVaccinationInput);
    const first = await send();
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.qr).toBe(first.body.qr);
    const stored = await request(app)
      .get(`/v1/credentials/${first.body.id.slice('urn:uuid:'.length)}`)
      .set(bearer(health));
    expect(stored.body.qr).toBe(first.body.qr);
  });

  it('cuts the DCC expiry to the DSC notAfter, so that verifiers do not refuse it', async () => {
    const dsc = await issuer.service.generateDsc('th-moph', 30);
    const res = await issue('dcc');
    expect(res.status).toBe(201);
    expect(Date.parse(res.body.validUntil)).toBe(Date.parse(dsc.notAfter));
    expect(verifyDcc(res.body.qr, { trust: createDccTrust([dsc.trustEntry]).trust }).verified).toBe(true);
  });

  it('refuses a DSC for another key', async () => {
    const other = await issuer.service.createAuthority({
      name: 'Other',
      economy: 'THA',
      types: ['VaccinationCertificate'],
    });
    const { trustEntry } = await issuer.service.generateDsc(other.authority.slug);
    const der = Buffer.from(trustEntry.certificate, 'base64');
    await expect(issuer.service.importDsc('th-moph', der)).rejects.toMatchObject({ code: 'DSC_INVALID' });
  });
});

describe('SMART Health Cards', () => {
  it("issues shc:/ text that verifies against the authority's published JWKS", async () => {
    const jwks = await request(app).get('/authorities/th-moph/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig', alg: 'ES256' });
    const res = await issue('shc');
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('shc');
    expect(res.body.qr).toMatch(/^shc:\/\d+$/);
    const trust = [
      { framework: 'shc', iss: 'https://issuer.example/authorities/th-moph', keys: jwks.body.keys },
    ];
    const report = verifyShc(res.body.qr, { trust });
    expect(report.errors).toEqual([]);
    expect(report.record?.certificate.hcid.value).toMatch(/^THA-/);
  });
});

describe('refusals', () => {
  it('409 KEY_TYPE_UNSUPPORTED for an Ed25519 authority, in either format', async () => {
    for (const format of ['dcc', 'shc']) {
      const res = await issue(format, edHealth);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('KEY_TYPE_UNSUPPORTED');
    }
    expect(
      (await request(app).get(`/authorities/${edHealth.authority.slug}/.well-known/jwks.json`)).status,
    ).toBe(404);
  });

  it('422 VALUE_NOT_MAPPED naming the field, for a brand with no EU code', async () => {
    const body = {
      ...exampleVaccinationInput,
      vaccinations: exampleVaccinationInput.vaccinations.map((v) => ({ ...v, brand: 'Unknownvax' })),
    };
    const res = await request(app)
      .post('/v1/vaccination-certificates?format=dcc')
      .set(bearer(health))
      .send(body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALUE_NOT_MAPPED');
    expect(JSON.stringify(res.body)).not.toContain('Somchai');
  });

  it('400 for an unknown format', async () => {
    const res = await issue('pdf');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });
});
