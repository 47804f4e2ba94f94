// An access token outlives the process that issued it: the token key comes from the configuration
// secret, so a restarted issuer (or another process of a cluster) over the same database accepts it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleVaccinationInput } from '@passage/schema';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, expect, it } from 'vitest';
import { type OpenIssuer, openIssuer } from '../service/open.js';
import { createIssuerApp } from './app.js';
import { demoAuthorities } from './test-authorities.js';
import { proofJwt, walletKey } from './test-wallet.js';

const dir = mkdtempSync(join(tmpdir(), 'passage-oid4vci-restart-'));
const publicUrl = 'https://issuer.example';
const open = (secret: string) =>
  openIssuer({ databaseUrl: `sqlite:${join(dir, 'issuer.db')}`, secret, publicUrl });
const SECRET = 'restart-test-secret-0123456789abcdefgh';
const opened: OpenIssuer[] = [];

afterAll(async () => {
  await Promise.all(opened.map((issuer) => issuer.close().catch(() => undefined)));
  rmSync(dir, { recursive: true, force: true });
});

interface Offer {
  credential_configuration_ids: string[];
  grants: Record<string, { 'pre-authorized_code': string }>;
}

async function tokenFromFirstProcess(): Promise<{ accessToken: string; configurationId: string }> {
  const first = await open(SECRET);
  opened.push(first);
  const app = createIssuerApp({ service: first.service, logger: pino({ level: 'silent' }) });
  const { health } = await demoAuthorities(first);
  const created = await request(app)
    .post('/v1/credential-offers')
    .set({ authorization: `Bearer ${health.apiKey}` })
    .send({ type: 'VaccinationCertificate', subject: exampleVaccinationInput })
    .expect(201);
  const uri = new URL(created.body.offerUri as string);
  const offer = JSON.parse(uri.searchParams.get('credential_offer') ?? '{}') as Offer;
  const code = offer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.['pre-authorized_code'];
  const token = await request(app)
    .post('/token')
    .type('form')
    .send({ grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code', 'pre-authorized_code': code })
    .expect(200);
  await first.close();
  return {
    accessToken: token.body.access_token,
    configurationId: offer.credential_configuration_ids[0] ?? '',
  };
}

async function redeemAt(secret: string, accessToken: string, configurationId: string) {
  const next = await open(secret);
  opened.push(next);
  const app = createIssuerApp({ service: next.service, logger: pino({ level: 'silent' }) });
  const { body } = await request(app).post('/nonce').expect(200);
  const key = await walletKey();
  const proof = await proofJwt(key, {
    aud: publicUrl,
    iat: Math.floor(Date.now() / 1000),
    nonce: body.c_nonce,
  });
  const answer = await request(app)
    .post('/credential')
    .set({ authorization: `Bearer ${accessToken}` })
    .send({ credential_configuration_id: configurationId, proofs: { jwt: [proof] } });
  await next.close();
  return answer;
}

it('a token from one process is honoured by the next over the same database, not with another secret', async () => {
  const { accessToken, configurationId } = await tokenFromFirstProcess();
  const other = await redeemAt('another-secret-0123456789abcdefghijklmn', accessToken, configurationId);
  expect(other.status).toBe(401);
  expect(other.body.error).toBe('invalid_token');
  const restarted = await redeemAt(SECRET, accessToken, configurationId);
  expect(restarted.status).toBe(200);
  expect(restarted.body.credentials).toHaveLength(1);
});
