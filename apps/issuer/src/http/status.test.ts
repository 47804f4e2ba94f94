import {
  createStatusListCache,
  createTrustStore,
  decodeStatusList,
  getStatusBit,
  verifyCredentialDetailed,
} from '@passage/credentials';
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
let health: CreatedAuthority;
let immigration: CreatedAuthority;

const bearer = (a: CreatedAuthority) => ({ authorization: `Bearer ${a.apiKey}` });
const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString());
const pathOf = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  ({ issuer, app } = await openTestApp({ statusTtlMs: 60_000 }));
  health = await issuer.service.createAuthority({
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  immigration = await issuer.service.createAuthority({
    name: 'ICA',
    economy: 'SGP',
    types: ['BusinessTravelCard'],
  });
});

afterAll(() => issuer.close());

/** Issues a vaccination certificate over HTTP and answers its id, path id, JWS and status entries. */
async function issue() {
  const res = await request(app)
    .post('/v1/vaccination-certificates')
    .set(bearer(health))
    .send(exampleVaccinationInput);
  expect(res.status).toBe(201);
  const entries = payloadOf(res.body.jws).credentialStatus as {
    statusPurpose: string;
    statusListIndex: string;
    statusListCredential: string;
  }[];
  const [revocation, suspension] = entries;
  if (!revocation || !suspension) throw new Error('no status entries');
  const path = pathOf(res.body.links.self);
  return { id: res.body.id as string, path, jws: res.body.jws as string, revocation, suspension };
}

/** The bit of `index` in the list published at `url`, read from its JSON form. */
async function bitAt(url: string, index: string): Promise<boolean> {
  const res = await request(app).get(pathOf(url)).set('accept', 'application/json');
  return getStatusBit(decodeStatusList(res.body.credentialSubject.encodedList), Number(index));
}

/** The verification codes of a credential, with a fresh status cache fetching from the app. */
async function verdict(jws: string): Promise<string[]> {
  const appFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    let req = request(app).get(pathOf(String(input)));
    for (const [name, value] of headers) req = req.set(name, value);
    const res = await req.buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const body = res.status === 304 ? null : (res.body as Buffer);
    return new Response(body, { status: res.status, headers: { etag: String(res.headers.etag ?? '') } });
  };
  const trust = createTrustStore({ entries: [health.trustEntry] });
  const lists = createStatusListCache({ fetch: appFetch });
  const urls = (payloadOf(jws).credentialStatus as { statusListCredential: string }[]).map(
    (e) => e.statusListCredential,
  );
  await lists.prefetch(urls, trust);
  return verifyCredentialDetailed(jws, { trust, status: lists }).report.errors.map((e) => e.code);
}

describe('credentialStatus of issued credentials', () => {
  it('a revocation and a suspension entry at the same index, in lists the issuer publishes', async () => {
    const { revocation, suspension } = await issue();
    expect(revocation.statusPurpose).toBe('revocation');
    expect(suspension.statusPurpose).toBe('suspension');
    expect(revocation.statusListIndex).toBe(suspension.statusListIndex);
    expect(revocation.statusListCredential).not.toBe(suspension.statusListCredential);
    expect(revocation.statusListCredential.startsWith(`${publicUrl}/status-lists/`)).toBe(true);
    const index = await request(app).get('/status-lists');
    expect(index.status).toBe(200);
    expect(index.body.map((l: { url: string }) => l.url)).toContain(revocation.statusListCredential);
  });
});

describe('GET /status-lists/{id}', () => {
  it('answers a vc+jwt by default, with a strong ETag and the ttl as max-age', async () => {
    const { revocation } = await issue();
    const res = await request(app).get(pathOf(revocation.statusListCredential));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vc+jwt');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const list = payloadOf(String(res.text ?? res.body));
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.issuer).toBe(health.did);
    expect(list.credentialSubject).toMatchObject({
      id: `${revocation.statusListCredential}#list`,
      statusPurpose: 'revocation',
      ttl: 60_000,
    });
    expect(decodeStatusList(list.credentialSubject.encodedList).length * 8).toBe(131_072);
  });

  it('answers the unsecured credential for Accept: application/vc', async () => {
    const { suspension } = await issue();
    const res = await request(app)
      .get(pathOf(suspension.statusListCredential))
      .set('accept', 'application/vc');
    expect(res.headers['content-type']).toBe('application/vc');
    expect(JSON.parse(res.text).credentialSubject.statusPurpose).toBe('suspension');
  });

  it('304 for If-None-Match with the current ETag', async () => {
    const { revocation } = await issue();
    const first = await request(app).get(pathOf(revocation.statusListCredential));
    const again = await request(app)
      .get(pathOf(revocation.statusListCredential))
      .set('if-none-match', first.headers.etag ?? '');
    expect(again.status).toBe(304);
    const weak = await request(app)
      .get(pathOf(revocation.statusListCredential))
      .set('if-none-match', `W/${first.headers.etag}`);
    expect(weak.status).toBe(304);
  });

  it('signs a version once, and a revocation makes a new version at once', async () => {
    const { path, revocation } = await issue();
    const url = pathOf(revocation.statusListCredential);
    const first = await request(app).get(url);
    const second = await request(app).get(url);
    expect(second.text).toBe(first.text);
    expect((await request(app).post(`${path}/revoke`).set(bearer(health))).status).toBe(200);
    const after = await request(app).get(url);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(await bitAt(revocation.statusListCredential, revocation.statusListIndex)).toBe(true);
  });

  it('404 NOT_FOUND for an unknown list', async () => {
    const res = await request(app).get('/status-lists/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('revoke, suspend and reinstate', () => {
  it('change the verdict: SUSPENDED, then clear, then REVOKED for good', async () => {
    const { path, jws } = await issue();
    expect(await verdict(jws)).toEqual([]);
    const suspended = await request(app).post(`${path}/suspend`).set(bearer(health)).send({ reason: 'lost' });
    expect(suspended.body).toMatchObject({ status: 'suspended' });
    expect(await verdict(jws)).toEqual(['SUSPENDED']);
    expect((await request(app).post(`${path}/reinstate`).set(bearer(health))).body.status).toBe('active');
    expect(await verdict(jws)).toEqual([]);
    expect((await request(app).post(`${path}/revoke`).set(bearer(health))).body.status).toBe('revoked');
    expect(await verdict(jws)).toEqual(['REVOKED']);
  });

  it('409 CREDENTIAL_REVOKED for suspending or reinstating a revoked credential', async () => {
    const { path } = await issue();
    await request(app).post(`${path}/revoke`).set(bearer(health));
    for (const action of ['suspend', 'reinstate']) {
      const res = await request(app).post(`${path}/${action}`).set(bearer(health));
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('CREDENTIAL_REVOKED');
    }
  });

  it('suspending twice answers 200 both times and records one change', async () => {
    const { id, path } = await issue();
    const first = await request(app).post(`${path}/suspend`).set(bearer(health));
    const second = await request(app).post(`${path}/suspend`).set(bearer(health));
    expect(second.status).toBe(200);
    expect(second.body.changedAt).toBe(first.body.changedAt);
    const audit = await request(app).get('/v1/audit').query({ credentialId: id }).set(bearer(health));
    expect(audit.body.entries).toHaveLength(1);
  });

  it("404 for another authority's credential, and nothing changes", async () => {
    const { path } = await issue();
    const res = await request(app).post(`${path}/revoke`).set(bearer(immigration));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await request(app).get(`${path}/status`).set(bearer(immigration))).status).toBe(404);
    expect((await request(app).get(`${path}/status`).set(bearer(health))).body.status).toBe('active');
  });

  it('401 UNAUTHORIZED without a key', async () => {
    const { path } = await issue();
    expect((await request(app).post(`${path}/revoke`)).status).toBe(401);
  });

  it('400 MALFORMED_INPUT for an unknown body member, without echoing it', async () => {
    const { path } = await issue();
    const res = await request(app).post(`${path}/revoke`).set(bearer(health)).send({ why: 'Jane Doe' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
    expect(JSON.stringify(res.body)).not.toContain('Jane Doe');
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for a form body', async () => {
    const { path } = await issue();
    const res = await request(app).post(`${path}/revoke`).set(bearer(health)).type('form').send('a=b');
    expect(res.status).toBe(415);
  });
});

describe('VC-API POST /credentials/status', () => {
  const body = (credentialId: string, statusPurpose: string, status: boolean) => ({
    credentialId,
    credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose },
    status,
  });

  it('200: sets and clears the suspension bit', async () => {
    const { id, suspension } = await issue();
    const set = await request(app)
      .post('/credentials/status')
      .set(bearer(health))
      .send(body(id, 'suspension', true));
    expect(set.status).toBe(200);
    expect(set.body.status).toBe('suspended');
    expect(await bitAt(suspension.statusListCredential, suspension.statusListIndex)).toBe(true);
    const cleared = await request(app)
      .post('/credentials/status')
      .set(bearer(health))
      .send(body(id, 'suspension', false));
    expect(cleared.body.status).toBe('active');
  });

  it('200: revokes, naming the entry exactly', async () => {
    const { id, revocation } = await issue();
    const res = await request(app)
      .post('/credentials/status')
      .set(bearer(health))
      .send({
        ...body(id, 'revocation', true),
        credentialStatus: { ...revocation, type: 'BitstringStatusListEntry' },
      });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('revoked');
  });

  it('400 for an entry that is not the credential’s', async () => {
    const { id } = await issue();
    const entry = { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '-1' };
    const res = await request(app)
      .post('/credentials/status')
      .set(bearer(health))
      .send({ credentialId: id, credentialStatus: entry, status: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });

  it('400 MALFORMED_INPUT for a request without a body', async () => {
    const res = await request(app).post('/credentials/status').set(bearer(health));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });

  it('a request without status sets the bit of its purpose, as the Bitstring Status List suite sends it', async () => {
    const { id } = await issue();
    const res = await request(app)
      .post('/credentials/status')
      .set(bearer(health))
      .send({
        credentialId: id,
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'suspension' },
      });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('suspended');
  });

  it('400 for a status that is not a boolean', async () => {
    const { id } = await issue();
    const res = await request(app)
      .post('/credentials/status')
      .set(bearer(health))
      .send({
        credentialId: id,
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
        status: 'yes',
      });
    expect(res.status).toBe(400);
  });

  it("404 for an unknown or another authority's credential", async () => {
    const { id } = await issue();
    const other = await request(app)
      .post('/credentials/status')
      .set(bearer(immigration))
      .send(body(id, 'revocation', true));
    expect(other.status).toBe(404);
    const unknown = await request(app)
      .post('/credentials/status')
      .set(bearer(health))
      .send(body('urn:uuid:00000000-0000-4000-8000-000000000000', 'revocation', true));
    expect(unknown.status).toBe(404);
  });
});

describe('GET /v1/audit', () => {
  it("lists the authority's own changes with who, when, what and why", async () => {
    const { id, path } = await issue();
    await request(app).post(`${path}/suspend`).set(bearer(health)).send({ reason: 'under review' });
    await request(app).post(`${path}/revoke`).set(bearer(health));
    const res = await request(app).get('/v1/audit').query({ credentialId: id }).set(bearer(health));
    expect(res.body.entries).toMatchObject([
      {
        action: 'suspend',
        purpose: 'suspension',
        previousState: 'active',
        newState: 'suspended',
        reason: 'under review',
      },
      { action: 'revoke', purpose: 'revocation', previousState: 'suspended', newState: 'revoked' },
    ]);
    expect(res.body.entries[0].actor).toMatch(/^[A-Za-z0-9_-]+$/);
    const theirs = await request(app).get('/v1/audit').query({ credentialId: id }).set(bearer(immigration));
    expect(theirs.body.entries).toEqual([]);
  });

  it('a travel card issuer sees its own entries only', async () => {
    const card = await request(app)
      .post('/v1/travel-cards')
      .set(bearer(immigration))
      .send(exampleTravelCardInput);
    await request(app)
      .post(`${pathOf(card.body.links.self)}/revoke`)
      .set(bearer(immigration));
    const res = await request(app).get('/v1/audit').set(bearer(immigration));
    expect(res.body.entries.map((e: { credentialId: string }) => e.credentialId)).toEqual([card.body.id]);
  });
});
