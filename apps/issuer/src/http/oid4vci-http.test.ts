import type { Server } from 'node:http';
import { exampleVaccinationInput } from '@passage/schema';
import { decodeJwt } from 'jose';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OpenIssuer, openIssuer } from '../service/open.js';
import { createIssuerApp } from './app.js';
import { demoAuthorities } from './test-authorities.js';
import { listen, redeem } from './test-wallet.js';

// The local demo serves at an http URL: the library refuses such URLs unless the issuer allows them.
const publicUrl = 'http://127.0.0.1:3000';
let issuer: OpenIssuer;
let server: Server;
let routedFetch: typeof fetch;
let app: ReturnType<typeof createIssuerApp>;

beforeAll(async () => {
  issuer = await openIssuer({
    databaseUrl: 'sqlite::memory:',
    secret: 'abcdefghijklmnopqrstuvwxyz0123456789',
    publicUrl,
  });
  app = createIssuerApp({ service: issuer.service, logger: pino({ level: 'silent' }) });
  ({ server, fetch: routedFetch } = await listen(app, publicUrl));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await issuer.close();
});

it('runs the whole flow when the public URL is http (the local demo)', async () => {
  const { health } = await demoAuthorities(issuer);
  const res = await request(app)
    .post('/v1/credential-offers')
    .set({ authorization: `Bearer ${health.apiKey}` })
    .send({ type: 'VaccinationCertificate', subject: exampleVaccinationInput, format: 'jwt_vc_json' })
    .expect(201);
  const { key, credential } = await redeem(routedFetch, res.body.offerUri);
  // jwt_vc_json is a VC 1.1 JWT: the credential sits in `vc`, the holder's id moves to `sub`.
  const payload = decodeJwt(credential) as { sub?: string; vc?: { credentialSubject: { id: string } } };
  expect(payload.sub).toBe(key.did);
  expect(payload.vc?.credentialSubject).toBeDefined();
});
