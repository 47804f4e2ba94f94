import { exampleVaccinationInput } from '@passage/schema';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';
import { createIssuerHttp, type IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';
import { demoAuthorities } from './test-authorities.js';

const wallet = 'https://wallet.example';
let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let health: CreatedAuthority;

beforeAll(async () => {
  ({ issuer, app } = await openTestApp());
  ({ health } = await demoAuthorities(issuer));
});

afterAll(() => issuer.close());

describe('CORS on the public reads and the OpenID4VCI endpoints', () => {
  it('answers a preflight of /token with 204 and the headers a wallet sends', async () => {
    const res = await request(app)
      .options('/token')
      .set({ origin: wallet, 'access-control-request-method': 'POST' })
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toContain('DPoP');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets another origin read the metadata and the DID documents', async () => {
    const meta = await request(app).get('/.well-known/openid-credential-issuer').set({ origin: wallet });
    expect(meta.headers['access-control-allow-origin']).toBe('*');
    const did = await request(app)
      .get(`/authorities/${health.authority.slug}/did.json`)
      .set({ origin: wallet });
    expect(did.status).toBe(200);
    expect(did.headers['access-control-allow-origin']).toBe('*');
  });

  it('leaves the API-key endpoints without CORS', async () => {
    const res = await request(app)
      .options('/v1/credential-offers')
      .set({ origin: wallet, 'access-control-request-method': 'POST' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('PASSAGE_WALLET_URL', () => {
  const offer = (target: IssuerHttp['listener']) =>
    request(target)
      .post('/v1/credential-offers')
      .set({ authorization: `Bearer ${health.apiKey}` })
      .send({ type: 'VaccinationCertificate', subject: exampleVaccinationInput })
      .expect(201);

  it('answers a wallet link carrying the offer when the wallet URL is set', async () => {
    const withWallet = createIssuerHttp({
      service: issuer.service,
      logger: pino({ level: 'silent' }),
      walletUrl: `${wallet}/`,
    }).listener;
    const { body } = await offer(withWallet);
    const link = new URL(body.walletUrl);
    expect(link.origin).toBe(wallet);
    const sent = new URL(body.offerUri).searchParams.get('credential_offer');
    expect(link.searchParams.get('credential_offer')).toBe(sent);
  });

  it('answers no wallet link without it', async () => {
    const { body } = await offer(app);
    expect(body.walletUrl).toBeUndefined();
  });
});
