import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { appendKeyBinding, createTrustStore, encodeSdJwtCredential } from '@passage/credentials';
import { UNSPECIFIED_ECONOMY } from '@passage/schema';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { staticTrustSource } from '../trust-source.js';
import { createVerifierApp } from './app.js';

// An SD-JWT's key binding over HTTP: VC-API's challenge and domain (and requireKeyBinding) ask for a
// key binding JWT that answers them (RFC 9901 §7.3).
const now = new Date('2026-06-01T10:00:00Z');
const nowSec = now.getTime() / 1000;
const issuer = 'https://issuer.example/vc-jose-cose';
const kid = `${issuer}#key-1`;
const issuerPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const holderPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const es256 = (key: KeyObject) => (data: Uint8Array) =>
  sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
const trust = createTrustStore({
  entries: [
    {
      framework: 'passage',
      did: issuer,
      name: 'Example',
      economy: UNSPECIFIED_ECONOMY,
      types: ['VaccinationCertificate'],
      keys: [{ kid, publicKeyJwk: issuerPair.publicKey.export({ format: 'jwk' }) as never }],
    },
  ],
});
const app = createVerifierApp({
  trust: staticTrustSource(trust),
  logger: pino({ level: 'silent' }),
  now: () => now,
});

const sdJwt = encodeSdJwtCredential(
  {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:123', name: 'Alice' },
    cnf: { jwk: holderPair.publicKey.export({ format: 'jwk' }) },
  },
  ['credentialSubject.name'],
  { alg: 'ES256', kid },
  es256(issuerPair.privateKey),
);
const challenge = 'n-4f1c';
const domain = 'https://border.example';
const bound = (nonce = challenge, aud = domain) =>
  appendKeyBinding(sdJwt, { nonce, aud, iat: nowSec - 5 }, 'ES256', es256(holderPair.privateKey));

const verify = (verifiableCredential: unknown, options?: Record<string, unknown>) =>
  request(app)
    .post('/credentials/verify')
    .send({ verifiableCredential, ...(options ? { options } : {}) });

describe('POST /credentials/verify of an SD-JWT with challenge and domain', () => {
  it('200 for a KB-JWT that answers both', async () => {
    const res = await verify(bound(), { challenge, domain });
    expect([res.status, res.body.checks.keyBinding]).toEqual([200, { ok: true }]);
  });

  it.each([
    ['another challenge', { challenge: 'n-other', domain }, 'CHALLENGE_MISMATCH'],
    ['another domain', { challenge, domain: 'https://other.example' }, 'DOMAIN_MISMATCH'],
  ])('422 for %s', async (_name, options, code) => {
    const res = await verify(bound(), options);
    expect([res.status, res.body.checks.keyBinding]).toEqual([422, { ok: false, code }]);
  });

  it('422 KEY_BINDING_REQUIRED without a KB-JWT when a challenge or requireKeyBinding asks for one', async () => {
    for (const options of [
      { challenge },
      { domain },
      { requireKeyBinding: true },
      { challenge, requireKeyBinding: false },
    ]) {
      const res = await verify(sdJwt, options);
      expect([res.status, res.body.errors[0]?.code]).toEqual([422, 'KEY_BINDING_REQUIRED']);
    }
    const unasked = await verify(sdJwt);
    expect([unasked.status, unasked.body.checks.keyBinding]).toEqual([200, undefined]);
  });

  it.each([
    ['a requireKeyBinding that is not a boolean', { requireKeyBinding: 'yes' }],
    ['an empty challenge', { challenge: '' }],
    ['a domain that is not a string', { domain: ['https://border.example'] }],
    ['a misspelt option of this verifier', { requireKeybinding: true }],
    ['VC-API checks that are not a list of strings', { checks: 'proof' }],
  ])('400 MALFORMED_INPUT for %s', async (_name, options) => {
    const res = await verify(bound(), options);
    expect([res.status, res.body.code]).toEqual([400, 'MALFORMED_INPUT']);
  });

  it("takes VC-API's checks and expectedProofPurpose, and other implementations' options, as the W3C suites send them", async () => {
    const res = await verify(bound(), {
      challenge,
      domain,
      checks: ['proof', 'credentialStatus'],
      expectedProofPurpose: 'assertionMethod',
      'x-trace': 7,
    });
    expect([res.status, res.body.verified]).toEqual([200, true]);
  });
});

describe('key binding asked elsewhere', () => {
  it('POST /v1/verify takes challenge, domain and requireKeyBinding beside the credential', async () => {
    const ok = await request(app).post('/v1/verify').send({ credential: bound(), challenge, domain });
    expect([ok.status, ok.body.verified, ok.body.checks.keyBinding]).toEqual([200, true, { ok: true }]);
    const replayed = await request(app).post('/v1/verify').send({ credential: bound(), challenge: 'n-2' });
    expect(replayed.body.checks.keyBinding).toEqual({ ok: false, code: 'CHALLENGE_MISMATCH' });
    const bad = await request(app).post('/v1/verify').send({ credential: sdJwt, requireKeyBinding: 1 });
    expect([bad.status, bad.body.code]).toEqual([400, 'MALFORMED_INPUT']);
  });

  it('POST /presentations/verify holds a KB-JWT in it to its challenge, and requires one on request', async () => {
    const holder = generateKeyPairSync('ed25519');
    const did = `did:jwk:${Buffer.from(JSON.stringify(holder.publicKey.export({ format: 'jwk' }))).toString('base64url')}`;
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const vpOf = (credential: string) => {
      const input = `${b64({ alg: 'EdDSA', kid: `${did}#0`, typ: 'vp+jwt' })}.${b64({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: 'VerifiablePresentation',
        holder: did,
        nonce: challenge,
        aud: domain,
        verifiableCredential: [
          {
            '@context': 'https://www.w3.org/ns/credentials/v2',
            type: 'EnvelopedVerifiableCredential',
            id: `data:application/vc+sd-jwt,${credential}`,
          },
        ],
      })}`;
      return `${input}.${sign(null, Buffer.from(input), holder.privateKey).toString('base64url')}`;
    };
    const present = (credential: string, options: Record<string, unknown>) =>
      request(app)
        .post('/presentations/verify')
        .send({ verifiablePresentation: vpOf(credential), options });
    expect((await present(bound(), { challenge, domain })).status).toBe(200);
    expect((await present(sdJwt, { challenge, domain })).status).toBe(200);
    const replayed = await present(bound('n-0'), { challenge, domain });
    expect([replayed.status, replayed.body.checks.credentials.code]).toEqual([422, 'CHALLENGE_MISMATCH']);
    const required = await present(sdJwt, { challenge, requireKeyBinding: true });
    expect([required.status, required.body.checks.credentials.code]).toEqual([422, 'KEY_BINDING_REQUIRED']);
    const bad = await present(sdJwt, { requireKeyBinding: 'true' });
    expect([bad.status, bad.body.code]).toEqual([400, 'MALFORMED_INPUT']);
  });
});
