import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildCredential,
  buildStatusListCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  createStatusListCache,
  createTrustStore,
  emptyStatusList,
  issueCredential,
  type PassageAgent,
  setStatusBit,
  statusListEntry,
  trustEntryFor,
} from '@passage/credentials';
import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticTrustSource } from '../trust-source.js';
import { createVerifierApp } from './app.js';

const now = new Date('2026-06-01T10:00:00Z');
const ttlMs = 60_000;
const index = 4242;
/** The status list server: serves `current`, answers 304 to its ETag, records conditional GETs. */
const listServer = { current: '', version: 0, requests: [] as (string | undefined)[], down: false };
let server: Server;
let listUrl: string;
let agent: PassageAgent;
let did: string;
let jws: string;
let app: ReturnType<typeof createVerifierApp>;
const clock = { now: now.getTime() };

async function publish(revoked: boolean): Promise<void> {
  const bits = emptyStatusList();
  setStatusBit(bits, index, revoked);
  listServer.version += 1;
  const validFrom = new Date(now.getTime() + listServer.version * 1000).toISOString();
  const credential = buildStatusListCredential({
    url: listUrl,
    issuer: did,
    purpose: 'revocation',
    bits,
    ttlMs,
    validFrom,
  });
  listServer.current = await issueCredential(agent, { credential: { ...credential } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    listServer.requests.push(req.headers['if-none-match']);
    const etag = `"${listServer.version}"`;
    if (listServer.down) res.writeHead(503).end();
    else if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': 'application/vc+jwt', etag }).end(listServer.current);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  listUrl = `${publicUrl}/status-lists/r1`;
  ({ agent } = createPassageAgent(createMemoryStores()));
  const authority = await createAuthorityDid(agent, { publicUrl, slug: 'moph' });
  did = authority.did;
  await publish(false);
  const completed = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt: now,
    hcid: 'THA-1',
    economy: 'THA',
  });
  if (!completed.ok) throw new Error('example does not parse');
  const credential = buildCredential({
    issuer: did,
    type: 'VaccinationCertificate',
    ...completed.value,
    credentialStatus: [statusListEntry(listUrl, 'revocation', index)],
  });
  jws = await issueCredential(agent, { credential: { ...credential } });
  const entry = trustEntryFor(authority, { name: 'MoPH', economy: 'THA', types: ['VaccinationCertificate'] });
  app = createVerifierApp({
    trust: staticTrustSource(createTrustStore({ entries: [entry] })),
    logger: pino({ level: 'silent' }),
    now: () => now,
    statusLists: createStatusListCache({ now: () => clock.now, maxStaleSec: 3600 }),
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const verify = async () => (await request(app).post('/v1/verify').send({ credential: jws })).body;

describe('status over HTTP', () => {
  it('fetches the list, caches it for its ttl, and sees a revocation after the ttl', async () => {
    const first = await verify();
    expect(first.verified).toBe(true);
    expect(first.status).toEqual([expect.objectContaining({ set: false, source: 'network', stale: false })]);

    await publish(true);
    clock.now += ttlMs / 2;
    expect((await verify()).verified).toBe(true);
    expect(listServer.requests).toHaveLength(1);

    clock.now += ttlMs;
    const revoked = await verify();
    expect(revoked.checks.status).toEqual({ ok: false, code: 'REVOKED' });
    expect(listServer.requests[1]).toBe('"1"');
  });

  it('revalidates an unchanged list with a 304', async () => {
    clock.now += ttlMs + 1;
    const answer = await verify();
    expect(listServer.requests.at(-1)).toBe(`"${listServer.version}"`);
    expect(answer.checks.status).toEqual({ ok: false, code: 'REVOKED' });
    expect(answer.status[0]).toMatchObject({ source: 'network', ageSeconds: 0 });
  });

  it('keeps the last good copy while the list server is down, then gives up after maxStaleSec', async () => {
    listServer.down = true;
    clock.now += 2 * ttlMs;
    const stale = await verify();
    expect(stale.checks.status).toEqual({ ok: false, code: 'REVOKED' });
    expect(stale.status[0]).toMatchObject({ source: 'cache', stale: true, ageSeconds: 120 });

    clock.now += 3600_000;
    expect((await verify()).checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });
});
