import { generateKeyPairSync, sign } from 'node:crypto';
import {
  completeTravelCardInput,
  completeVaccinationInput,
  exampleTravelCardInput,
  exampleVaccinationInput,
} from '@passage/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPassageAgent, type PassageAgent } from '../agent.js';
import { createAuthorityDid, createJwkDid } from '../did/create.js';
import { buildCredential } from '../issue/credential.js';
import { issueCredential } from '../issue/issue.js';
import { encodeSegment } from '../jws/compact.js';
import { createMemoryStores } from '../keys/stores.js';
import { encodeQrText } from '../qr/index.js';
import { createTrustStore, type TrustStore, trustEntryFor } from '../trust/trust-store.js';
import { verifyCredential } from './verify.js';

const issuedAt = new Date('2025-01-15T10:00:00Z');
const later = new Date('2025-06-01T00:00:00Z');
let agent: PassageAgent;
let did: string;
let trust: TrustStore;

async function vaccinationJws(format: 'vc+jwt' | 'jwt' = 'vc+jwt', issuer = did): Promise<string> {
  const done = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt,
    hcid: 'HCID-1',
    economy: 'THA',
  });
  if (!done.ok) throw new Error('example must complete');
  const credential = buildCredential({ type: 'VaccinationCertificate', issuer, ...done.value });
  return issueCredential(agent, { credential: { ...credential }, format });
}

beforeAll(async () => {
  agent = createPassageAgent(createMemoryStores()).agent;
  const identifier = await createAuthorityDid(agent, { publicUrl: 'http://127.0.0.1:4001', slug: 'moh-th' });
  did = identifier.did;
  const entry = trustEntryFor(identifier, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  trust = createTrustStore({ entries: [entry] });
});

describe('verifyCredential', () => {
  it.each([
    ['a subject making no claim', { credentialSubject: {} }],
    ['a name that is a number', { name: 4 }],
    ['a status entry without a type', { credentialStatus: { id: 'https://example.org/status' } }],
    [
      'an @context item that is not a URL',
      { '@context': ['https://www.w3.org/ns/credentials/v2', 'not a url'] },
    ],
  ])(
    'SCHEMA_INVALID for a signed, trusted vc+jwt credential with %s (VC Data Model 2.0)',
    async (_name, patch) => {
      const credential = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: did,
        validFrom: issuedAt.toISOString(),
        credentialSubject: { id: 'did:example:subject' },
        ...patch,
      };
      const report = verifyCredential(await issueCredential(agent, { credential }), { trust, now: later });
      expect(report.checks.signature.ok).toBe(true);
      expect(report.checks.schema).toEqual({ ok: false, code: 'SCHEMA_INVALID' });
    },
  );

  it('verifies a vc+jwt vaccination certificate from its QR text', async () => {
    const jws = await vaccinationJws();
    const report = verifyCredential(encodeQrText(jws), { trust, now: later });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      verified: true,
      envelope: 'qr',
      securing: 'vc+jwt',
      credentialType: 'VaccinationCertificate',
    });
    expect(report.issuer).toEqual({ did, name: 'Ministry of Public Health', economy: 'THA' });
  });

  it('writes the header VC-JOSE-COSE asks for and no vc claim', async () => {
    const [header, payload] = (await vaccinationJws())
      .split('.')
      .slice(0, 2)
      .map((s) => JSON.parse(Buffer.from(s, 'base64url').toString()));
    expect(header).toEqual({ alg: 'ES256', kid: `${did}#key-1`, typ: 'vc+jwt' });
    expect(payload.vc).toBeUndefined();
    expect(payload.issuanceDate).toBeUndefined();
    expect(payload['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
  });

  it('verifies a VC 1.1 JWT from the same agent', async () => {
    const report = verifyCredential(await vaccinationJws('jwt'), { trust, now: later });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ verified: true, securing: 'jwt', envelope: 'jws' });
  });

  it('verifies an Ed25519 authority', async () => {
    const ed = await createAuthorityDid(agent, {
      publicUrl: 'https://issuer.example',
      slug: 'ed',
      keyType: 'Ed25519',
    });
    const edTrust = createTrustStore({
      entries: [trustEntryFor(ed, { name: 'Ed', economy: 'THA', types: ['VaccinationCertificate'] })],
    });
    const report = verifyCredential(await vaccinationJws('vc+jwt', ed.did), { trust: edTrust, now: later });
    expect(report.verified).toBe(true);
  });

  it('SIGNATURE_INVALID when the payload is altered', async () => {
    const [h, p, s] = (await vaccinationJws()).split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
    payload.credentialSubject.person.name = 'Someone Else';
    const report = verifyCredential(`${h}.${encodeSegment(payload)}.${s}`, { trust, now: later });
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(report.verified).toBe(false);
  });

  it('EXPIRED after validUntil, NOT_YET_VALID before validFrom', async () => {
    const jws = await vaccinationJws();
    expect(verifyCredential(jws, { trust, now: new Date('2027-01-01') }).checks.validity).toEqual({
      ok: false,
      code: 'EXPIRED',
    });
    expect(verifyCredential(jws, { trust, now: new Date('2025-01-01') }).checks.validity).toEqual({
      ok: false,
      code: 'NOT_YET_VALID',
    });
  });

  it('ISSUER_NOT_TRUSTED for an unknown did:web, whose signature is not checked', async () => {
    const report = verifyCredential(await vaccinationJws(), {
      trust: createTrustStore({ entries: [] }),
      now: later,
    });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
    expect(report.checks.signature).toEqual({ ok: false, code: 'NOT_CHECKED' });
  });

  it('checks the signature of an untrusted did:jwk issuer without any network', async () => {
    const holderLike = await createJwkDid(agent);
    const report = verifyCredential(await vaccinationJws('vc+jwt', holderLike.did), { trust, now: later });
    expect(report.checks.signature).toEqual({ ok: true });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
  });

  it('ISSUER_NOT_TRUSTED when the issuer is trusted for other types only', async () => {
    const done = completeTravelCardInput(exampleTravelCardInput, {
      issuedAt,
      cardNumber: 'SGP-1',
      economy: 'SGP',
    });
    if (!done.ok) throw new Error('example must complete');
    const jws = await issueCredential(agent, {
      credential: { ...buildCredential({ type: 'BusinessTravelCard', issuer: did, ...done.value }) },
    });
    expect(verifyCredential(jws, { trust, now: later }).checks.issuerTrusted).toEqual({
      ok: false,
      code: 'TYPE_NOT_ALLOWED',
    });
  });

  describe('VC-JOSE-COSE claims', () => {
    const josed = 'did:example:jose';
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const joseTrust = createTrustStore({
      entries: [
        {
          framework: 'passage',
          did: josed,
          name: 'JOSE test issuer',
          economy: 'THA',
          types: ['VaccinationCertificate'],
          keys: [{ kid: `${josed}#k`, publicKeyJwk: publicKey.export({ format: 'jwk' }) as never }],
          status: 'active',
        },
      ],
    });
    const signed = (claims: Record<string, unknown>) => {
      const input = `${encodeSegment({ alg: 'ES256', kid: `${josed}#k`, typ: 'vc+jwt' })}.${encodeSegment({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: josed,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:subject' },
        ...claims,
      })}`;
      const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${input}.${signature.toString('base64url')}`;
    };

    it('verifies a vc+jwt whose iat is a NumericDate or a date-time string, as the W3C suite writes it', () => {
      for (const iat of [1735689600, '2025-01-01T00:00:00Z']) {
        const report = verifyCredential(signed({ iat, iss: josed, jti: 'urn:uuid:1' }), {
          trust: joseTrust,
          now: later,
        });
        expect(report.errors).toEqual([]);
      }
    });

    it.each([
      ['a vc claim', { vc: 'oops' }],
      ['a vp claim', { vp: 'nooo' }],
      ['an iat that is not a date', { iat: 'yesterday' }],
      // Beyond ±8.64e12 s no Date exists: the report's dates threw a RangeError on them before.
      ['an nbf beyond the time range', { nbf: 1e300 }],
      ['an exp beyond the time range', { exp: -1e300 }],
    ])('DECODING_FAILED for a vc+jwt with %s', (_name, claims) => {
      const report = verifyCredential(signed(claims), { trust: joseTrust, now: later });
      expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
    });

    it('DECODING_FAILED for a payload nested past any credential, which a 160-character QR can carry', () => {
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const payload = Buffer.from(`{"issuer":"${josed}","credentialSubject":{"x":${deep}}}`).toString(
        'base64url',
      );
      const jws = `${encodeSegment({ alg: 'ES256', kid: `${josed}#k`, typ: 'vc+jwt' })}.${payload}.AAAA`;
      const qr = encodeQrText(jws);
      expect(qr.length).toBeLessThan(200);
      const report = verifyCredential(qr, { trust: joseTrust, now: later });
      expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
      // The report is answered as JSON: before, JSON.stringify overflowed the stack on the echoed payload.
      expect(() => JSON.stringify(report)).not.toThrow();
    });

    it('DECODING_FAILED, not a throw, for a VC 1.1 JWT whose nbf or exp is beyond the time range', () => {
      for (const claim of [{ nbf: 1e13 }, { exp: 1e300 }]) {
        const input = `${encodeSegment({ alg: 'ES256', kid: `${josed}#k`, typ: 'JWT' })}.${encodeSegment({
          vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'] },
          iss: josed,
          ...claim,
        })}`;
        const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
        const report = verifyCredential(`${input}.${signature.toString('base64url')}`, {
          trust: joseTrust,
          now: later,
        });
        expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
      }
    });
  });

  it('ALGORITHM_NOT_ALLOWED when the verifier accepts only EdDSA', async () => {
    const report = verifyCredential(await vaccinationJws(), { trust, now: later, algorithms: ['EdDSA'] });
    expect(report.checks.signature).toEqual({ ok: false, code: 'ALGORITHM_NOT_ALLOWED' });
  });

  it('KEY_NOT_FOUND when the kid is not a key the trust list holds', async () => {
    const [, p, s] = (await vaccinationJws()).split('.');
    const header = encodeSegment({ alg: 'ES256', kid: `${did}#key-9`, typ: 'vc+jwt' });
    expect(verifyCredential(`${header}.${p}.${s}`, { trust, now: later }).checks.signature).toEqual({
      ok: false,
      code: 'KEY_NOT_FOUND',
    });
  });

  it('DECODING_FAILED for a JWS whose payload is not JSON', () => {
    const report = verifyCredential(`${encodeSegment({ alg: 'ES256' })}.bm90IGpzb24.c2ln`, {
      trust,
      now: later,
    });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
    expect(report.checks.signature).toEqual({ ok: false, code: 'NOT_CHECKED' });
  });

  it('UNSUPPORTED_FORMAT for text that is nothing we know', () => {
    expect(verifyCredential('hello world', { trust }).checks.decoding).toEqual({
      ok: false,
      code: 'UNSUPPORTED_FORMAT',
    });
  });

  it('INVALID_PREFIX for an unknown QR prefix', () => {
    expect(verifyCredential('XX9:ABC', { trust }).checks.decoding).toEqual({
      ok: false,
      code: 'INVALID_PREFIX',
    });
  });

  it('MALFORMED_INPUT for a number', () => {
    expect(verifyCredential(42, { trust }).checks.decoding).toEqual({ ok: false, code: 'MALFORMED_INPUT' });
  });
});
