// VC-API `POST /credentials/issue` held to what the W3C VC Data Model 2.0 and VC-API test suites ask
// of an issuer: the request shapes and credentials they send (written here, not copied) must be
// issued (201, an EnvelopedVerifiableCredential) or refused (400 or 422, never 401 or 500).
import { gunzipSync } from 'node:zlib';
import { createTrustStore, verifyCredential } from '@passage/credentials';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';
import type { IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let authority: CreatedAuthority;

beforeAll(async () => {
  ({ issuer, app } = await openTestApp());
  authority = await issuer.service.createAuthority({
    name: 'Test issuer',
    economy: 'SGP',
    types: ['VaccinationCertificate'],
  });
});

afterAll(() => issuer.close());

const minimal = () => ({
  '@context': [V2],
  type: ['VerifiableCredential'],
  credentialSubject: { id: 'did:example:subject' },
});

const post = (body: unknown) =>
  request(app)
    .post('/credentials/issue')
    .set({ authorization: `Bearer ${authority.apiKey}` })
    .send(body as object);

/** The credential inside an issued EnvelopedVerifiableCredential. */
function payloadOf(issued: { id: string }): Record<string, unknown> {
  const jws = issued.id.slice('data:application/vc+jwt,'.length);
  return JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

describe('VC-API issuer conformance', () => {
  it.each([
    ['the minimal credential', minimal()],
    [
      'an issuer named by the suite (signed as this authority)',
      { ...minimal(), issuer: 'did:example:issuer' },
    ],
    [
      'an issuer object',
      { ...minimal(), issuer: { id: 'did:example:issuer', name: { '@value': 'Issuer', '@language': 'en' } } },
    ],
    [
      'VC 1.1 dates beside the 2.0 ones',
      { ...minimal(), issuanceDate: '2024-01-01T00:00:00Z', expirationDate: '2099-01-01T00:00:00Z' },
    ],
    [
      'more contexts',
      {
        ...minimal(),
        '@context': [V2, 'https://www.w3.org/ns/credentials/examples/v2', { Ex: 'https://example.org#Ex' }],
      },
    ],
    [
      'a mapped extra type',
      {
        ...minimal(),
        '@context': [V2, { Ex: 'https://example.org#Ex' }],
        type: ['VerifiableCredential', 'Ex'],
      },
    ],
    ['an id of its own', { ...minimal(), id: 'urn:uuid:5f1a0c8e-8f6e-4f4e-9b0a-2b6c1f0d3e11' }],
    ['several subjects', { ...minimal(), credentialSubject: [{ id: 'did:example:a' }, { name: 'B' }] }],
    [
      'a validity window',
      { ...minimal(), validFrom: '2024-01-01T00:00:00Z', validUntil: '2099-01-01T00:00:00Z' },
    ],
    [
      'a status entry of another scheme',
      { ...minimal(), credentialStatus: { id: 'did:example:status', type: 'ExampleStatus' } },
    ],
    ['a status entry without an id', { ...minimal(), credentialStatus: { type: 'ExampleStatus' } }],
    [
      'schemas, refresh, terms of use, evidence, name and description',
      {
        ...minimal(),
        name: 'Example',
        description: [{ '@value': 'Exemple', '@language': 'fr' }],
        credentialSchema: { id: 'https://example.org/schema.json', type: 'JsonSchema' },
        refreshService: { id: 'https://example.org/refresh', type: 'ExampleRefresh' },
        termsOfUse: [{ type: 'ExampleTerms' }],
        evidence: { type: ['ExampleEvidence'] },
      },
    ],
  ])('201 for %s, as an EnvelopedVerifiableCredential that verifies', async (_name, credential) => {
    const res = await post({ credential, options: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const issued = res.body.verifiableCredential;
    expect(issued['@context']).toEqual([V2]);
    expect(issued.type).toBe('EnvelopedVerifiableCredential');
    const payload = payloadOf(issued);
    expect(payload['@context']).toEqual(credential['@context']);
    const signedIssuer = payload.issuer as string | { id: string };
    expect(typeof signedIssuer === 'string' ? signedIssuer : signedIssuer.id).toBe(authority.did);
    const report = verifyCredential(issued, { trust: createTrustStore({ entries: [authority.trustEntry] }) });
    // Without a status list source the verifier cannot tell revocation, and says only that.
    expect(report.errors.map((e) => e.code)).toEqual(['STATUS_UNAVAILABLE']);
    expect(report.checks.signature.ok && report.checks.schema.ok).toBe(true);
  });

  it.each([
    ['no credential member', { verifiableCredential: minimal() }],
    ['a credential that is not an object', { credential: 'x' }],
    ['no @context', { credential: { ...minimal(), '@context': undefined } }],
    ['@context as a number', { credential: { ...minimal(), '@context': 4 } }],
    [
      '@context items that are not strings or objects',
      { credential: { ...minimal(), '@context': [V2, false] } },
    ],
    [
      'an @context URL that is not a URL',
      { credential: { ...minimal(), '@context': [V2, 'https ://not-a-url/ctx'] } },
    ],
    [
      'the base context missing',
      { credential: { ...minimal(), '@context': ['https://www.w3.org/ns/credentials/examples/v2'] } },
    ],
    ['no type', { credential: { ...minimal(), type: undefined } }],
    ['type as a number', { credential: { ...minimal(), type: 4 } }],
    [
      'type items that are not strings',
      { credential: { ...minimal(), type: ['VerifiableCredential', null] } },
    ],
    ['type without VerifiableCredential', { credential: { ...minimal(), type: ['ExampleCredential'] } }],
    [
      'a type mapped to a non-URL',
      {
        credential: {
          ...minimal(),
          '@context': [V2, { Ex: 'https ://x#Ex' }],
          type: ['VerifiableCredential', 'Ex'],
        },
      },
    ],
    [
      'an unmapped type with @vocab off',
      {
        credential: {
          ...minimal(),
          '@context': [V2, { '@vocab': null }],
          type: ['VerifiableCredential', 'Ex'],
        },
      },
    ],
    ['a null issuer', { credential: { ...minimal(), issuer: null } }],
    ['an issuer that is not a URL', { credential: { ...minimal(), issuer: 'not a url' } }],
    ['an issuer object whose id is null', { credential: { ...minimal(), issuer: { id: null } } }],
    ['an issuer object whose id is not a URL', { credential: { ...minimal(), issuer: { id: 'not a url' } } }],
    ['no credentialSubject', { credential: { ...minimal(), credentialSubject: undefined } }],
    ['credentialSubject as a number', { credential: { ...minimal(), credentialSubject: 4 } }],
    ['a credentialSubject without claims', { credential: { ...minimal(), credentialSubject: {} } }],
    [
      'a credentialSubject with two ids',
      { credential: { ...minimal(), credentialSubject: { id: ['did:example:a', 'did:example:b'] } } },
    ],
    ['an id that is not a URL', { credential: { ...minimal(), id: 'not a url' } }],
    ['validFrom without a time zone', { credential: { ...minimal(), validFrom: '2024-01-01T00:00:00' } }],
    [
      'validUntil before validFrom',
      { credential: { ...minimal(), validFrom: '2025-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z' } },
    ],
    [
      'validUntil already past, with no validFrom',
      { credential: { ...minimal(), validUntil: '2001-01-01T00:00:00Z' } },
    ],
    ['a name that is a number', { credential: { ...minimal(), name: 4 } }],
    [
      'a status entry without a type',
      { credential: { ...minimal(), credentialStatus: { id: 'did:example:status' } } },
    ],
    [
      'a status entry with two ids',
      { credential: { ...minimal(), credentialStatus: { id: ['urn:a:1', 'urn:a:2'], type: 'S' } } },
    ],
    [
      'a status entry of the issuer’s own scheme',
      { credential: { ...minimal(), credentialStatus: { type: 'BitstringStatusListEntry' } } },
    ],
    ['a schema without an id', { credential: { ...minimal(), credentialSchema: { type: 'JsonSchema' } } }],
    ['a refresh service without an id', { credential: { ...minimal(), refreshService: { type: 'R' } } }],
    ['evidence without a type', { credential: { ...minimal(), evidence: { id: 'https://example.org/e' } } }],
    ['a credential already secured', { credential: { ...minimal(), proof: { type: 'DataIntegrityProof' } } }],
    ['a vc member (a JWT claim a vc+jwt must not carry)', { credential: { ...minimal(), vc: 'oops' } }],
  ])('400 or 422 for %s, with a stable code', async (_name, body) => {
    const res = await post(body);
    expect([400, 422], JSON.stringify(res.body)).toContain(res.status);
    expect(['MALFORMED_INPUT', 'SCHEMA_INVALID']).toContain(res.body.code);
  });

  it('422 SCHEMA_INVALID for a credential nested deeper than verifiers decode, however deep', async () => {
    // Before: signed at 100 and 3,000 levels (a credential verifiers refuse), 500 at 9,000.
    for (const depth of [65, 3000, 9000]) {
      const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const res = await request(app)
        .post('/credentials/issue')
        .set({ authorization: `Bearer ${authority.apiKey}`, 'content-type': 'application/json' })
        .send(
          `{"credential":{"@context":["${V2}"],"type":["VerifiableCredential"],"credentialSubject":${deep}}}`,
        );
      expect([res.status, res.body.code]).toEqual([422, 'SCHEMA_INVALID']);
    }
  });
});

describe('VC-API status, as the Bitstring Status List suite drives it', () => {
  it('sets a status without `status` (meaning true), publishes with 204 and serves the list as JSON', async () => {
    const issued = await post({ credential: minimal() });
    const payload = payloadOf(issued.body.verifiableCredential);
    const entries = payload.credentialStatus as {
      statusPurpose: string;
      statusListCredential: string;
      statusListIndex: string;
    }[];
    const revocation = entries.find((e) => e.statusPurpose === 'revocation');
    if (!revocation) throw new Error('the issuer adds a revocation entry');
    const auth = { authorization: `Bearer ${authority.apiKey}` };
    const changed = await request(app)
      .post('/credentials/status')
      .set(auth)
      .send({
        credentialId: payload.id,
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
      });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.status).toBe('revoked');
    const path = new URL(revocation.statusListCredential).pathname;
    expect((await request(app).post(`${path}/publish`).set(auth).send({})).status).toBe(204);
    expect((await request(app).post(`${path}/publish`).send({})).status).toBe(401);
    expect((await request(app).post('/status-lists/nope/publish').set(auth).send({})).status).toBe(404);
    const list = await request(app).get(path).set('accept', 'application/ld+json, application/json');
    expect(list.status).toBe(200);
    const encoded: string = list.body.credentialSubject.encodedList;
    expect(encoded[0]).toBe('u');
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    const index = Number(revocation.statusListIndex);
    expect(((bits[index >> 3] ?? 0) >> (7 - (index & 7))) & 1).toBe(1);
  });
});
