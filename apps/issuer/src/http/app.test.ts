import { createTrustStore, decodeQrText, verifyCredential } from '@passage/credentials';
import { exampleTravelCardInput, exampleVaccinationInput } from '@passage/schema';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';
import type { IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';

const publicUrl = 'https://issuer.example';
let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let expressApp: IssuerHttp['app'];
let health: CreatedAuthority;
let immigration: CreatedAuthority;

const bearer = (a: CreatedAuthority) => ({ authorization: `Bearer ${a.apiKey}` });

beforeAll(async () => {
  ({ issuer, app, express: expressApp } = await openTestApp());
  health = await issuer.service.createAuthority({
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  immigration = await issuer.service.createAuthority({
    name: 'ICA',
    economy: 'SGP',
    types: ['BusinessTravelCard'],
    keyType: 'Ed25519',
  });
});

afterAll(() => issuer.close());

describe('issuing over HTTP', () => {
  it('201 with a credential that verifies against the printed trust entry', async () => {
    const res = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .send(exampleVaccinationInput);
    expect(res.status).toBe(201);
    expect(res.body.credential.type).toBe('EnvelopedVerifiableCredential');
    expect(res.body.links.png).toBe(`${res.body.links.self}/qr.png`);
    expect(decodeQrText(res.body.qr)).toBe(res.body.jws);
    const report = verifyCredential(res.body.qr, {
      trust: createTrustStore({ entries: [health.trustEntry] }),
    });
    // Without a status list source the verifier cannot tell revocation, and says only that.
    expect(report.errors.map((e) => e.code)).toEqual(['STATUS_UNAVAILABLE']);
    const payload = JSON.parse(Buffer.from(res.body.jws.split('.')[1], 'base64url').toString());
    expect(payload.credentialStatus.map((e: { statusPurpose: string }) => e.statusPurpose)).toEqual([
      'revocation',
      'suspension',
    ]);
    expect(payload.credentialSchema.id).toBe(`${publicUrl}/schemas/vaccination-certificate-v1.json`);
    expect(payload.credentialSubject.certificate.hcid).toMatch(/^THA-[0-9A-Z]{16}$/);
  });

  it('issues a travel card with an Ed25519 key and assigns the card number', async () => {
    const res = await request(app)
      .post('/v1/travel-cards')
      .set(bearer(immigration))
      .send(exampleTravelCardInput);
    expect(res.status).toBe(201);
    expect(JSON.parse(Buffer.from(res.body.jws.split('.')[0], 'base64url').toString()).alg).toBe('EdDSA');
    const payload = JSON.parse(Buffer.from(res.body.jws.split('.')[1], 'base64url').toString());
    expect(payload.credentialSubject.cardNumber).toMatch(/^SGP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(payload.validUntil).toMatch(/T23:59:59Z$/);
  });

  it('issues a VC 1.1 JWT when asked', async () => {
    const res = await request(app)
      .post('/v1/vaccination-certificates?format=jwt')
      .set(bearer(health))
      .send(exampleVaccinationInput);
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('jwt');
    expect(typeof res.body.credential).toBe('string');
  });

  it('a retry with the same Idempotency-Key returns the same credential', async () => {
    const first = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .set('Idempotency-Key', 'k-1')
      .send(exampleVaccinationInput);
    const again = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .set('Idempotency-Key', 'k-1')
      .send(exampleVaccinationInput);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.jws).toBe(first.body.jws);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('409 IDEMPOTENCY_KEY_REUSED when the key comes back with another body', async () => {
    await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .set('Idempotency-Key', 'k-2')
      .send(exampleVaccinationInput);
    const other = {
      ...exampleVaccinationInput,
      person: { ...exampleVaccinationInput.person, name: 'Other Person' },
    };
    const res = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .set('Idempotency-Key', 'k-2')
      .send(other);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('refusals', () => {
  it('401 UNAUTHORIZED without a key', async () => {
    const res = await request(app).post('/v1/vaccination-certificates').send(exampleVaccinationInput);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('401 UNAUTHORIZED with a forged key', async () => {
    const forged = `${health.apiKey.slice(0, -2)}xx`;
    const res = await request(app)
      .post('/v1/vaccination-certificates')
      .set({ authorization: `Bearer ${forged}` })
      .send(exampleVaccinationInput);
    expect(res.status).toBe(401);
  });

  it('403 FORBIDDEN for a type outside the key scope', async () => {
    const res = await request(app).post('/v1/travel-cards').set(bearer(health)).send(exampleTravelCardInput);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('403 FORBIDDEN for another economy than the key', async () => {
    const body = { ...exampleVaccinationInput, certificate: { issuer: 'SGP' } };
    const res = await request(app).post('/v1/vaccination-certificates').set(bearer(health)).send(body);
    expect(res.status).toBe(403);
  });

  it('422 SCHEMA_INVALID names the bad field without echoing it', async () => {
    const body = {
      ...exampleVaccinationInput,
      person: { ...exampleVaccinationInput.person, birthDate: '1985-02-30' },
    };
    const res = await request(app).post('/v1/vaccination-certificates').set(bearer(health)).send(body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SCHEMA_INVALID');
    expect(res.body.errors).toEqual([{ path: 'person.birthDate', message: expect.any(String) }]);
    expect(JSON.stringify(res.body)).not.toContain('1985-02-30');
  });

  it('400 MALFORMED_INPUT for a body that is not JSON', async () => {
    const res = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .set('content-type', 'application/json')
      .send('{"person":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for a form post', async () => {
    const res = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .type('form')
      .send('a=b');
    expect(res.status).toBe(415);
  });

  it('413 PAYLOAD_TOO_LARGE for a huge body', async () => {
    const res = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .send({ pad: 'x'.repeat(100_000) });
    expect(res.status).toBe(413);
  });
});

describe('QR images and public documents', () => {
  it('serves the QR as PNG and SVG to its authority only', async () => {
    const issued = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .send(exampleVaccinationInput);
    const png = await request(app).get(new URL(issued.body.links.png).pathname).set(bearer(health));
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const svg = await request(app).get(new URL(issued.body.links.svg).pathname).set(bearer(health));
    expect(String(svg.text ?? svg.body)).toContain('<svg');
    const other = await request(app).get(new URL(issued.body.links.png).pathname).set(bearer(immigration));
    expect(other.status).toBe(404);
  });

  it('publishes the authority DID document with the key credentials name in kid', async () => {
    const slug = health.authority.slug;
    const res = await request(app).get(`/authorities/${slug}/did.json`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(health.did);
    expect(res.body.verificationMethod[0].id).toBe(`${health.did}#key-1`);
    expect(res.body.verificationMethod[0].publicKeyJwk.d).toBeUndefined();
  });

  it('serves the host DID document when an authority holds it', async () => {
    expect((await request(app).get('/.well-known/did.json')).status).toBe(404);
    const root = await issuer.service.createAuthority({
      name: 'Root',
      economy: 'THA',
      types: ['VaccinationCertificate'],
      root: true,
    });
    expect(root.did).toBe('did:web:issuer.example');
    const res = await request(app).get('/.well-known/did.json');
    expect(res.body.id).toBe('did:web:issuer.example');
  });

  it('serves the JSON Schema a credential names', async () => {
    const res = await request(app).get('/schemas/business-travel-card-v1.json');
    expect(res.status).toBe(200);
    expect(res.body.$id).toBe(`${publicUrl}/schemas/business-travel-card-v1.json`);
  });

  it('404 problem for anything else', async () => {
    const res = await request(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('typed issuance read ahead of express (plain application/json) answers as express does', () => {
  // The listener answers a plain `application/json` body itself; the app alone (and the listener,
  // for a charset parameter) takes the same request through express's parser and routers.
  const both = (path: string, body: string, headers: Record<string, string>, type: string) =>
    Promise.all(
      [app, expressApp].map((target) =>
        request(target).post(path).set(headers).set('content-type', type).send(body),
      ),
    );
  // Ids, instants, signatures and QR texts differ between two issuances; everything else must not.
  const strip = (body: Record<string, unknown>) =>
    JSON.parse(
      JSON.stringify(body).replace(
        /(urn:uuid:)?[0-9a-f]{8}-[0-9a-f-]{27}|THA-[0-9A-Z]{16}|\d{4}-\d{2}-\d{2}T[\d:.]+Z|[A-Za-z0-9_-]{40,}(\.[A-Za-z0-9_-]+)*|PV1:[^"]+/g,
        'X',
      ),
    );

  it.each([
    ['an issuance', '/v1/vaccination-certificates', () => JSON.stringify(exampleVaccinationInput), true],
    [
      'a travel card outside the key scope',
      '/v1/travel-cards',
      () => JSON.stringify(exampleTravelCardInput),
      true,
    ],
    ['an invalid subject', '/v1/vaccination-certificates', () => JSON.stringify({ person: {} }), true],
    ['broken JSON', '/v1/vaccination-certificates', () => '{"person":', true],
    ['no API key', '/v1/vaccination-certificates', () => JSON.stringify(exampleVaccinationInput), false],
    ['a body that is not an object', '/v1/travel-cards', () => '[1,2]', true],
  ])('%s', async (_name, path, body, authed) => {
    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const [fast, slow] = await both(path, body(), authed ? bearer(health) : {}, type);
      if (!fast || !slow) throw new Error('two answers expected');
      expect(fast.status).toBe(slow.status);
      expect(fast.headers['content-type']).toBe(slow.headers['content-type']);
      expect(fast.headers.location === undefined).toBe(slow.headers.location === undefined);
      expect(fast.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(strip(fast.body)).toEqual(strip(slow.body));
    }
  });

  it('an Idempotency-Key replays the first answer, ahead of express too', async () => {
    const send = (target: IssuerHttp['listener'] | IssuerHttp['app']) =>
      request(target)
        .post('/v1/vaccination-certificates')
        .set(bearer(health))
        .set('idempotency-key', 'ahead-replay-1')
        .set('content-type', 'application/json')
        .send(JSON.stringify(exampleVaccinationInput));
    const first = await send(app);
    const again = await send(app);
    const viaExpress = await send(expressApp);
    expect(first.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(viaExpress.body.id).toBe(first.body.id);
    expect(again.headers.location).toBe(first.headers.location);
    const bad = await request(app)
      .post('/v1/vaccination-certificates')
      .set(bearer(health))
      .set('idempotency-key', 'not ascii é')
      .set('content-type', 'application/json')
      .send(JSON.stringify(exampleVaccinationInput));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('MALFORMED_INPUT');
  });
});

describe('VC-API POST /credentials/issue', () => {
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    credentialSubject: { id: 'did:example:123', degree: 'BSc' },
  };

  it('201 with an enveloped verifiable credential', async () => {
    const res = await request(app)
      .post('/credentials/issue')
      .set(bearer(health))
      .send({ credential, options: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.verifiableCredential.type).toBe('EnvelopedVerifiableCredential');
    expect(res.body.verifiableCredential.id).toMatch(/^data:application\/vc\+jwt,/);
  });

  it('400 when there is no credential', async () => {
    const res = await request(app).post('/credentials/issue').set(bearer(health)).send({ options: {} });
    expect(res.status).toBe(400);
  });

  it('422 for a credential without the VC 2.0 context', async () => {
    const res = await request(app)
      .post('/credentials/issue')
      .set(bearer(health))
      .send({ credential: { ...credential, '@context': ['https://example.org'] } });
    expect(res.status).toBe(422);
  });

  it('signs as the authority whatever issuer the request names, keeping the issuer object members', async () => {
    const res = await request(app)
      .post('/credentials/issue')
      .set(bearer(health))
      .send({ credential: { ...credential, issuer: { id: 'did:example:other', name: 'Ministry' } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const jws = res.body.verifiableCredential.id.slice('data:application/vc+jwt,'.length);
    const payload = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString());
    expect(payload.issuer).toEqual({ id: health.did, name: 'Ministry' });
  });
});
