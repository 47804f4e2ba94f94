import { exampleVaccinationInput } from '@passage/schema';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';
import type { IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';
import { demoAuthorities } from './test-authorities.js';
import { proofJwt, type WalletKey, walletKey } from './test-wallet.js';

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let publicUrl: string;
let health: CreatedAuthority;
let key: WalletKey;

beforeAll(async () => {
  ({ issuer, app, publicUrl } = await openTestApp());
  ({ health } = await demoAuthorities(issuer));
  key = await walletKey();
});

afterAll(() => issuer.close());

/** Creates an offer and returns its pre-authorized code and transaction code. */
async function newOffer(txCode = false): Promise<{ code: string; txCode?: string }> {
  const res = await request(app)
    .post('/v1/credential-offers')
    .set({ authorization: `Bearer ${health.apiKey}` })
    .send({ type: 'VaccinationCertificate', subject: exampleVaccinationInput, txCode });
  const offer = JSON.parse(new URL(res.body.offerUri).searchParams.get('credential_offer') ?? '{}');
  return { code: offer.grants[PRE_AUTH]['pre-authorized_code'], txCode: res.body.txCode };
}

function token(fields: Record<string, string>) {
  return request(app).post('/token').type('form').send(fields);
}

async function accessToken(): Promise<string> {
  const { code } = await newOffer();
  const res = await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code }).expect(200);
  return res.body.access_token;
}

async function nonce(): Promise<string> {
  return (await request(app).post('/nonce').expect(200)).body.c_nonce;
}

function credential(at: string, jwt: string, configuration = 'VaccinationCertificate') {
  return request(app)
    .post('/credential')
    .set({ authorization: `Bearer ${at}` })
    .send({ credential_configuration_id: configuration, proofs: { jwt: [jwt] } });
}

const now = () => Math.floor(Date.now() / 1000);

describe('token endpoint errors', () => {
  it('invalid_grant for an unknown code', async () => {
    const res = await token({ grant_type: PRE_AUTH, 'pre-authorized_code': 'nope' });
    expect([res.status, res.body.error]).toEqual([400, 'invalid_grant']);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('invalid_grant for a reused code', async () => {
    const { code } = await newOffer();
    await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code }).expect(200);
    const again = await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code });
    expect(again.body.error).toBe('invalid_grant');
  });

  it('invalid_request without the tx_code an offer requires', async () => {
    const { code } = await newOffer(true);
    const res = await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code });
    expect(res.body.error).toBe('invalid_request');
  });

  it('invalid_grant for a wrong tx_code, and the right one still works after it', async () => {
    const { code, txCode } = await newOffer(true);
    const wrong = txCode === '000000' ? '111111' : '000000';
    const res = await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: wrong });
    expect(res.body.error).toBe('invalid_grant');
    await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode ?? '' }).expect(200);
  });

  it('burns the code after five wrong tx_codes', async () => {
    const { code, txCode } = await newOffer(true);
    const wrong = txCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: wrong }).expect(400);
    }
    const res = await token({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode ?? '' });
    expect(res.body.error).toBe('invalid_grant');
  });

  it('unsupported_grant_type for the authorization code grant', async () => {
    const res = await token({ grant_type: 'authorization_code', code: 'x' });
    expect(res.body.error).toBe('unsupported_grant_type');
  });
});

describe('credential endpoint errors', () => {
  it('401 invalid_token without or with a forged access token', async () => {
    const missing = await request(app).post('/credential').send({});
    expect([missing.status, missing.body.error]).toEqual([401, 'invalid_token']);
    expect(missing.headers['www-authenticate']).toContain('invalid_token');
    const forged = await credential('eyJhbGciOiJub25lIn0.e30.', 'x');
    expect(forged.body.error).toBe('invalid_token');
  });

  it('invalid_nonce for a nonce the issuer did not mint', async () => {
    const jwt = await proofJwt(key, { aud: publicUrl, iat: now(), nonce: 'made-up' });
    const res = await credential(await accessToken(), jwt);
    expect(res.body.error).toBe('invalid_nonce');
  });

  it('invalid_proof for another audience', async () => {
    const jwt = await proofJwt(key, { aud: 'https://other.example', iat: now(), nonce: await nonce() });
    expect((await credential(await accessToken(), jwt)).body.error).toBe('invalid_proof');
  });

  it('invalid_proof for an expired proof', async () => {
    const jwt = await proofJwt(key, {
      aud: publicUrl,
      iat: now() - 120,
      exp: now() - 60,
      nonce: await nonce(),
    });
    expect((await credential(await accessToken(), jwt)).body.error).toBe('invalid_proof');
  });

  it('invalid_proof for a proof made long ago', async () => {
    const jwt = await proofJwt(key, { aud: publicUrl, iat: now() - 3600, nonce: await nonce() });
    expect((await credential(await accessToken(), jwt)).body.error).toBe('invalid_proof');
  });

  it('invalid_proof for a proof signed by another key than its did:jwk names', async () => {
    const other = await walletKey();
    const jwt = await proofJwt(
      other,
      { aud: publicUrl, iat: now(), nonce: await nonce() },
      { kid: `${key.did}#0` },
    );
    expect((await credential(await accessToken(), jwt)).body.error).toBe('invalid_proof');
  });

  it('invalid_proof for a proof without the openid4vci-proof+jwt type', async () => {
    const jwt = await proofJwt(
      key,
      { aud: publicUrl, iat: now(), nonce: await nonce() },
      { kid: `${key.did}#0`, typ: 'JWT' },
    );
    expect((await credential(await accessToken(), jwt)).body.error).toBe('invalid_proof');
  });

  it('unknown_credential_configuration for another configuration than offered', async () => {
    const jwt = await proofJwt(key, { aud: publicUrl, iat: now(), nonce: await nonce() });
    const res = await credential(await accessToken(), jwt, 'BusinessTravelCard');
    expect(res.body.error).toBe('unknown_credential_configuration');
  });

  it('binds to a jwk header as did:jwk, and refuses the same token again', async () => {
    const at = await accessToken();
    const jwt = await proofJwt(
      key,
      { aud: publicUrl, iat: now(), nonce: await nonce() },
      { jwk: key.publicJwk },
    );
    const ok = await credential(at, jwt).expect(200);
    const issued = decodeJwt(ok.body.credentials[0].credential) as { credentialSubject: { id: string } };
    expect(issued.credentialSubject.id).toMatch(/^did:jwk:/);
    const again = await credential(at, jwt);
    expect(again.body.error).toBe('invalid_token');
  });
});
