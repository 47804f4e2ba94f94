import { generateKeyPairSync, sign } from 'node:crypto';
import { createTrustStore, encodeQrText } from '@passage/credentials';
import { exampleVaccinationInput } from '@passage/schema';
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleVaccinationJws } from '../passage-fixtures.js';
import { staticTrustSource } from '../trust-source.js';
import { createVerifierHttp, type VerifierHttp } from './app.js';

const now = new Date('2026-06-01T10:00:00Z');
// The listener the server uses: the scanner's request ahead of express, everything else the app's.
let app: VerifierHttp['listener'];
let http: VerifierHttp;
let trust: ReturnType<typeof staticTrustSource>;
let qr: string;
let jws: string;

beforeAll(async () => {
  const issued = await exampleVaccinationJws(now);
  jws = issued.jws;
  qr = encodeQrText(jws);
  const { entry } = issued;
  trust = staticTrustSource(createTrustStore({ entries: [entry] }));
  http = createVerifierHttp({ trust, logger: pino({ level: 'silent' }), now: () => now });
  app = http.listener;
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
  // The listener answers a plain `application/json` body of a declared length itself; the app alone
  // (and the listener, for a charset parameter) takes the same request through express's parser and router.
  const both = (body: string, type = 'application/json') =>
    Promise.all(
      [app, http.app].map((target) =>
        request(target).post('/v1/verify').set('content-type', type).send(body),
      ),
    );

  it.each([
    ['a scanned QR', () => JSON.stringify({ qr, economy: 'THA' })],
    ['a QR without an economy', () => JSON.stringify({ qr })],
    ['a shape the scanner does not send', () => JSON.stringify({ qr, at: now.toISOString() })],
    ['unknown keys', () => JSON.stringify({ qr, extra: 1 })],
    ['broken JSON', () => '{"qr":'],
    ['JSON that is not an object', () => '"PV1:ABC"'],
    ['an empty object', () => '{}'],
    ['a QR that is not one', () => JSON.stringify({ qr: 'PV1:NOPE', economy: 'THA' })],
  ])('%s', async (_name, body) => {
    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const [fast, slow] = await both(body(), type);
      if (!fast || !slow) throw new Error('two answers expected');
      expect(fast.status).toBe(slow.status);
      expect(fast.headers['content-type']).toBe(slow.headers['content-type']);
      expect(fast.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const { checkedAt: _a, ...fastBody } = fast.body;
      const { checkedAt: _b, ...slowBody } = slow.body;
      expect(fastBody).toEqual(slowBody);
    }
  });

  it("keeps the caller's x-request-id and logs one line with the verdict, never the QR", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const logged = createVerifierHttp({ trust, logger, now: () => now });
    const res = await request(logged.listener)
      .post('/v1/verify')
      .set('x-request-id', 'scan-42')
      .send({ qr, economy: 'THA' });
    expect(res.headers['x-request-id']).toBe('scan-42');
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ reqId: 'scan-42', path: '/v1/verify', status: 200, verified: true });
    expect(JSON.stringify(lines)).not.toContain(qr.slice(4, 40));
  });

  it('logs at most 256 characters of an id the sender chose, and replaces a request id over 128', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const logged = createVerifierHttp({ trust, logger, now: () => now });
    const [h, p, s] = jws.split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8'));
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, id: `urn:x:${'y'.repeat(20_000)}` })).toString('base64url')}.${s}`;
    const res = await request(logged.listener)
      .post('/v1/verify')
      .set('x-request-id', 'r'.repeat(129))
      .send({ qr: forged });
    expect(res.body.verified).toBe(false);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const [line] = lines.filter((l) => l.msg === 'request');
    expect(String(line?.credentialId)).toHaveLength(256);
    expect(JSON.stringify(line).length).toBeLessThan(1024);
    await request(logged.listener)
      .get(`/${'a'.repeat(5000)}`)
      .expect(404);
    expect(String(lines.filter((l) => l.msg === 'request')[1]?.path)).toHaveLength(256);
  });

  it("a failure before the answer reaches the app's problem handler: 500 INTERNAL, logged once", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const broken = createVerifierHttp({
      trust,
      logger,
      now: () => {
        throw new Error('clock failure');
      },
    });
    const res = await request(broken.listener).post('/v1/verify').send({ qr, economy: 'THA' });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('INTERNAL');
    expect(lines.filter((l) => l.msg === 'request')).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'unhandled error')).toHaveLength(1);
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

describe('POST /credentials/verify with an enveloped credential (VC Data Model 2.0 §4.13.1)', () => {
  const envelope = () => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: 'EnvelopedVerifiableCredential',
    id: `data:application/vc+jwt,${jws}`,
  });

  it('200 for a well-formed envelope', async () => {
    const res = await request(app).post('/credentials/verify').send({ verifiableCredential: envelope() });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no base context', { '@context': [] }],
    ['another context', { '@context': 'https://www.w3.org/ns/credentials/examples/v2' }],
    ['no data: URL', { id: 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA' }],
    ['another type', { type: 'VerifiableCredential' }],
  ])('422 for an envelope with %s', async (_name, change) => {
    const res = await request(app)
      .post('/credentials/verify')
      .send({ verifiableCredential: { ...envelope(), ...change } });
    expect(res.status).toBe(422);
  });
});

describe('POST /presentations/verify (VC-API, vp+jwt)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const holder = `did:jwk:${Buffer.from(JSON.stringify(publicKey.export({ format: 'jwk' }))).toString('base64url')}`;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const vpJwt = (payload: Record<string, unknown>) => {
    const input = `${b64({ alg: 'EdDSA', kid: `${holder}#0`, typ: 'vp+jwt' })}.${b64({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder,
      verifiableCredential: [
        {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${jws}`,
        },
      ],
      ...payload,
    })}`;
    return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
  };

  it('200 when the holder signed it and its credential verifies, with the challenge and domain asked', async () => {
    const res = await request(app)
      .post('/presentations/verify')
      .send({
        verifiablePresentation: vpJwt({ nonce: 'n-1', aud: 'border.example' }),
        options: { challenge: 'n-1', domain: 'border.example', economy: 'THA' },
      });
    expect([res.status, res.body.verified, res.body.holder]).toEqual([200, true, holder]);
    expect(res.body.credentials[0].view.holder.name).toBe(exampleVaccinationInput.person.name);
    expect(res.body.credentials[0].entry.economy).toBe('THA');
  });

  it('422 HOLDER_MISMATCH when asked that each credential was issued to the holder, and it was not', async () => {
    const send = (options: Record<string, unknown>) =>
      request(app)
        .post('/presentations/verify')
        .send({ verifiablePresentation: vpJwt({}), options });
    const bound = await send({ requireHolderBinding: true });
    expect([bound.status, bound.body.checks.credentials]).toEqual([
      422,
      { ok: false, code: 'HOLDER_MISMATCH' },
    ]);
    expect((await send({ requireHolderBinding: false })).status).toBe(200);
    expect((await send({ requireHolderBinding: 'yes' })).body.code).toBe('MALFORMED_INPUT');
    const onCredential = await request(app)
      .post('/credentials/verify')
      .send({ verifiableCredential: jws, options: { requireHolderBinding: true } });
    expect([onCredential.status, onCredential.body.code]).toEqual([400, 'MALFORMED_INPUT']);
  });

  it('422 for a replayed challenge, and as an enveloped presentation it reads the same', async () => {
    const vp = vpJwt({ nonce: 'n-1' });
    const replayed = await request(app)
      .post('/presentations/verify')
      .send({ verifiablePresentation: vp, options: { challenge: 'n-2' } });
    expect([replayed.status, replayed.body.errors[0].code]).toEqual([422, 'CHALLENGE_MISMATCH']);
    const enveloped = await request(app)
      .post('/presentations/verify')
      .send({
        verifiablePresentation: {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: 'EnvelopedVerifiablePresentation',
          id: `data:application/vp+jwt,${vp}`,
        },
      });
    expect(enveloped.status).toBe(200);
  });

  it.each([
    ['an empty object', {}, 422],
    [
      'an envelope of a credential',
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: 'EnvelopedVerifiableCredential',
        id: 'data:application/vc+jwt,a.b.c',
      },
      422,
    ],
    ['text that is no JWS', 'hello', 422],
    ['a number', 5, 400],
    [
      'a presentation nested 5,000 deep',
      `${'eyJ0eXAiOiJ2cCtqd3QiLCJhbGciOiJFUzI1NiJ9'}.${Buffer.from(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`).toString('base64url')}.AAAA`,
      422,
    ],
  ])('answers %s with a coded %i, never a 500', async (_name, value, status) => {
    const res = await request(app).post('/presentations/verify').send({ verifiablePresentation: value });
    expect(res.status).toBe(status);
    expect(res.body.code ?? res.body.errors?.[0]?.code).toEqual(expect.any(String));
  });

  it('422 when a credential in it fails, 400 without a presentation', async () => {
    const [h, p] = jws.split('.');
    const forged = vpJwt({
      verifiableCredential: [
        {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${h}.${p}.${'A'.repeat(86)}`,
        },
      ],
    });
    const res = await request(app).post('/presentations/verify').send({ verifiablePresentation: forged });
    expect([res.status, res.body.checks.credentials]).toEqual([
      422,
      { ok: false, code: 'SIGNATURE_INVALID' },
    ]);
    const missing = await request(app).post('/presentations/verify').send({ options: {} });
    expect([missing.status, missing.body.code]).toEqual([400, 'MALFORMED_INPUT']);
  });
});

describe('anything else', () => {
  it('404 NOT_FOUND as a problem document', async () => {
    const res = await request(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
