import {
  buildCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  createTrustStore,
  encodeQrText,
  issueCredential,
  trustEntryFor,
} from '@passage/credentials';
import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { staticTrustSource } from '../trust-source.js';
import { createVerifierApp } from './app.js';

const now = new Date('2026-06-01T10:00:00Z');
let app: ReturnType<typeof createVerifierApp>;
let qr: string;
let jws: string;

beforeAll(async () => {
  const { agent } = createPassageAgent(createMemoryStores());
  const authority = await createAuthorityDid(agent, { publicUrl: 'https://health.example', slug: 'moph' });
  const completed = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt: now,
    hcid: 'THA-TEST-1',
    economy: 'THA',
  });
  if (!completed.ok) throw new Error('example does not parse');
  const credential = buildCredential({
    issuer: authority.did,
    type: 'VaccinationCertificate',
    ...completed.value,
  });
  jws = await issueCredential(agent, { credential: { ...credential } });
  qr = encodeQrText(jws);
  const entry = trustEntryFor(authority, { name: 'MoPH', economy: 'THA', types: ['VaccinationCertificate'] });
  app = createVerifierApp({
    trust: staticTrustSource(createTrustStore({ entries: [entry] })),
    logger: pino({ level: 'silent' }),
    now: () => now,
  });
});

describe('POST /v1/verify', () => {
  it('answers 200 with a verified report and the officer view', async () => {
    const res = await request(app).post('/v1/verify').send({ qr });
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(true);
    expect(res.body.view.holder.name).toBe(exampleVaccinationInput.person.name);
  });

  it('accepts the compact JWS as `credential`', async () => {
    const res = await request(app).post('/v1/verify').send({ credential: jws });
    expect(res.body.verified).toBe(true);
  });

  it('answers 200 with verified false for garbage QR text', async () => {
    const res = await request(app).post('/v1/verify').send({ qr: 'not a credential' });
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(false);
    expect(res.body.checks.decoding.ok).toBe(false);
  });

  it('honours `at` as the validation clock', async () => {
    const res = await request(app).post('/v1/verify').send({ qr, at: '2040-01-01T00:00:00Z' });
    expect(res.body.checks.validity).toEqual({ ok: false, code: 'EXPIRED' });
  });

  it('400 MALFORMED_INPUT when both qr and credential are given', async () => {
    const res = await request(app).post('/v1/verify').send({ qr, credential: jws });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
    expect(res.type).toBe('application/problem+json');
  });

  it('400 MALFORMED_INPUT for unknown keys', async () => {
    const res = await request(app).post('/v1/verify').send({ qr, extra: 1 });
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });

  it('400 MALFORMED_INPUT for broken JSON, as a problem document', async () => {
    const res = await request(app).post('/v1/verify').set('content-type', 'application/json').send('{"qr":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for a form post', async () => {
    const res = await request(app).post('/v1/verify').type('form').send('qr=x');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('413 PAYLOAD_TOO_LARGE beyond the body limit', async () => {
    const res = await request(app)
      .post('/v1/verify')
      .send({ qr: 'A'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('POST /v1/verify read ahead of express (the scanner path) answers as express does', () => {
  // The fast path takes a plain `application/json` body of a declared length; with a charset
  // parameter the same request goes through express's parser and router.
  const both = (body: string) =>
    Promise.all(
      ['application/json', 'application/json; charset=utf-8'].map((type) =>
        request(app).post('/v1/verify').set('content-type', type).send(body),
      ),
    );

  it.each([
    ['a scanned QR', () => JSON.stringify({ qr, economy: 'THA' })],
    ['a shape the scanner does not send', () => JSON.stringify({ qr, at: now.toISOString() })],
    ['unknown keys', () => JSON.stringify({ qr, extra: 1 })],
    ['broken JSON', () => '{"qr":'],
    ['JSON that is not an object', () => '"PV1:ABC"'],
    ['an empty object', () => '{}'],
  ])('%s', async (_name, body) => {
    const [fast, slow] = await both(body());
    if (!fast || !slow) throw new Error('two answers expected');
    expect(fast.status).toBe(slow.status);
    expect(fast.headers['content-type']).toBe(slow.headers['content-type']);
    const { checkedAt: _a, ...fastBody } = fast.body;
    const { checkedAt: _b, ...slowBody } = slow.body;
    expect(fastBody).toEqual(slowBody);
  });
});

describe('POST /credentials/verify (VC-API)', () => {
  it('200 when verified', async () => {
    const res = await request(app).post('/credentials/verify').send({ verifiableCredential: jws });
    expect(res.status).toBe(200);
  });

  it('422 when the credential fails verification', async () => {
    const [h, p] = jws.split('.');
    const res = await request(app)
      .post('/credentials/verify')
      .send({ verifiableCredential: `${h}.${p}.${'A'.repeat(86)}` });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('SIGNATURE_INVALID');
  });

  it('400 when verifiableCredential is missing', async () => {
    const res = await request(app).post('/credentials/verify').send({ options: {} });
    expect(res.status).toBe(400);
  });
});

describe('anything else', () => {
  it('404 NOT_FOUND as a problem document', async () => {
    const res = await request(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
