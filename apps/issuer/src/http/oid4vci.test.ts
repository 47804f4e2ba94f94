import type { Server } from 'node:http';
import { createTrustStore, verifyCredential } from '@passage/credentials';
import { exampleTravelCardInput, exampleVaccinationInput } from '@passage/schema';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';
import type { IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';
import { demoAuthorities } from './test-authorities.js';
import { listen, redeem } from './test-wallet.js';

let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let publicUrl: string;
let health: CreatedAuthority;
let immigration: CreatedAuthority;
let server: Server;
let routedFetch: typeof fetch;

beforeAll(async () => {
  ({ issuer, app, publicUrl } = await openTestApp());
  ({ health, immigration } = await demoAuthorities(issuer));
  ({ server, fetch: routedFetch } = await listen(app, publicUrl));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await issuer.close();
});

async function offer(authority: CreatedAuthority, body: Record<string, unknown>) {
  const res = await request(app)
    .post('/v1/credential-offers')
    .set({ authorization: `Bearer ${authority.apiKey}` })
    .send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string; offerUri: string; qr: string; txCode?: string; links: { png: string } };
}

describe('OpenID4VCI pre-authorized code flow, driven by @openid4vc/openid4vci client', () => {
  it('publishes issuer and authorization server metadata', async () => {
    const meta = await request(app).get('/.well-known/openid-credential-issuer').expect(200);
    expect(meta.body.credential_issuer).toBe(publicUrl);
    expect(meta.body.nonce_endpoint).toBe(`${publicUrl}/nonce`);
    expect(meta.body.credential_configurations_supported.VaccinationCertificate.format).toBe('vc+jwt');
    expect(
      meta.body.credential_configurations_supported.BusinessTravelCard_jwt_vc_json.credential_definition.type,
    ).toEqual(['VerifiableCredential', 'BusinessTravelCard']);
    const as = await request(app).get('/.well-known/oauth-authorization-server').expect(200);
    expect(as.body.token_endpoint).toBe(`${publicUrl}/token`);
    expect(as.body.grant_types_supported).toContain('urn:ietf:params:oauth:grant-type:pre-authorized_code');
  });

  it('lets a web wallet on another origin call the wallet endpoints (CORS preflight)', async () => {
    const res = await request(app)
      .options('/credential')
      .set({ origin: 'https://wallet.example', 'access-control-request-method': 'POST' })
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toContain('Authorization');
    const offers = await request(app).options('/v1/credential-offers');
    expect(offers.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('issues a vaccination certificate bound to the wallet did:jwk, that verifies', async () => {
    const created = await offer(health, { type: 'VaccinationCertificate', subject: exampleVaccinationInput });
    expect(created.offerUri).toMatch(/^openid-credential-offer:\/\/\?credential_offer=/);
    expect(created.qr).toBe(created.offerUri);
    expect(created.txCode).toBeUndefined();
    const { key, credential } = await redeem(routedFetch, created.offerUri);
    const report = verifyCredential(credential, {
      trust: createTrustStore({ entries: [health.trustEntry] }),
    });
    expect(report.errors.map((e) => e.code)).toEqual(['STATUS_UNAVAILABLE']);
    const payload = decodeJwt(credential) as {
      credentialSubject: { id: string };
      credentialStatus: unknown[];
    };
    expect(payload.credentialSubject.id).toBe(key.did);
    expect(payload.credentialStatus).toHaveLength(2);
    const view = await request(app)
      .get(`/v1/credential-offers/${created.id}`)
      .set({ authorization: `Bearer ${health.apiKey}` })
      .expect(200);
    expect(view.body.state).toBe('redeemed');
    expect(view.body.credentialId).toBe(decodeJwt(credential).id);
  });

  it('issues a travel card with a transaction code, to an EdDSA wallet', async () => {
    const created = await offer(immigration, {
      type: 'BusinessTravelCard',
      subject: exampleTravelCardInput,
      txCode: true,
    });
    expect(created.txCode).toMatch(/^\d{6}$/);
    const { key, credential } = await redeem(routedFetch, created.offerUri, created.txCode, 'EdDSA');
    const report = verifyCredential(credential, {
      trust: createTrustStore({ entries: [immigration.trustEntry] }),
    });
    expect(report.checks.signature.ok).toBe(true);
    expect((decodeJwt(credential).credentialSubject as { id: string }).id).toBe(key.did);
  });

  it('serves the offer QR as a PNG to the authority only', async () => {
    const created = await offer(health, { type: 'VaccinationCertificate', subject: exampleVaccinationInput });
    const png = await request(app)
      .get(new URL(created.links.png).pathname)
      .set({ authorization: `Bearer ${health.apiKey}` })
      .expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    await request(app)
      .get(new URL(created.links.png).pathname)
      .set({ authorization: `Bearer ${immigration.apiKey}` })
      .expect(404);
  });

  it('refuses an offer for a type the key may not issue, or with a holder id', async () => {
    const forbidden = await request(app)
      .post('/v1/credential-offers')
      .set({ authorization: `Bearer ${immigration.apiKey}` })
      .send({ type: 'VaccinationCertificate', subject: exampleVaccinationInput });
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const withId = await request(app)
      .post('/v1/credential-offers')
      .set({ authorization: `Bearer ${health.apiKey}` })
      .send({ type: 'VaccinationCertificate', subject: { ...exampleVaccinationInput, id: 'did:example:1' } });
    expect(withId.body.code).toBe('MALFORMED_INPUT');
  });
});
