import { createHash, generateKeyPairSync, type JsonWebKey, sign } from 'node:crypto';
import { CompactSign, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { encodeCoseSecured } from '../cose/cose-credential.js';
import { encodeSdJwtCredential } from '../sd-jwt/sd-jwt.js';
import { mutations, trustOfOneKey } from '../test-support.js';
import { MAX_PRESENTED_CREDENTIALS, verifyPresentation } from './verify-presentation.js';

// Presentations are signed here with jose, an independent JOSE implementation.
const now = new Date('2025-06-01T00:00:00Z');
const nowSec = now.getTime() / 1000;
const V2 = 'https://www.w3.org/ns/credentials/v2';

const issuer = 'https://issuer.example/authority';
const issuerKid = `${issuer}#key-1`;
const issuerPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const holderPair = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const holderJwk = holderPair.publicKey.export({ format: 'jwk' });
const holder = `did:jwk:${Buffer.from(JSON.stringify(holderJwk)).toString('base64url')}`;

const trust = trustOfOneKey(issuer, issuerKid, issuerPair.publicKey.export({ format: 'jwk' }));

async function signJws(alg: string, key: JsonWebKey, header: object, payload: object): Promise<string> {
  const imported = await importJWK(key as Parameters<typeof importJWK>[0], alg);
  return new CompactSign(Buffer.from(JSON.stringify(payload)))
    .setProtectedHeader({ alg, ...header })
    .sign(imported);
}

async function credentialJwt(by = issuer, key = issuerPair.privateKey.export({ format: 'jwk' })) {
  return signJws(
    'ES256',
    key,
    { kid: `${by}#key-1`, typ: 'vc+jwt', cty: 'vc' },
    {
      '@context': [V2],
      type: ['VerifiableCredential'],
      issuer: by,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: holder, name: 'Alice' },
    },
  );
}

const enveloped = (jws: string) => ({
  '@context': V2,
  type: 'EnvelopedVerifiableCredential',
  id: `data:application/vc+jwt,${jws}`,
});

async function presentationJwt(options: { payload?: object; header?: object; credentials?: unknown[] } = {}) {
  const credentials = options.credentials ?? [enveloped(await credentialJwt())];
  return signJws(
    'ES384',
    holderPair.privateKey.export({ format: 'jwk' }),
    { kid: `${holder}#0`, typ: 'vp+jwt', cty: 'vp', ...options.header },
    {
      '@context': [V2],
      type: ['VerifiablePresentation'],
      holder,
      verifiableCredential: credentials,
      iat: nowSec - 60,
      exp: nowSec + 600,
      nonce: 'challenge-1',
      aud: 'verifier.example',
      ...options.payload,
    },
  );
}

const codes = (report: { errors: { code: string }[] }) => report.errors.map((e) => e.code);

describe('verifyPresentation (vp+jwt)', () => {
  it('verifies a did:jwk holder presenting an enveloped credential of a trusted issuer', async () => {
    const report = await verifyPresentation(await presentationJwt(), { trust, now });
    expect(codes(report)).toEqual([]);
    expect(report).toMatchObject({ verified: true, securing: 'vp+jwt', envelope: 'jws', holder });
    expect(report.credentials).toHaveLength(1);
    expect(report.credentials[0]).toMatchObject({ verified: true, issuer: { did: issuer } });
  });

  it('reads a data: URL and an EnvelopedVerifiablePresentation alike', async () => {
    const vp = await presentationJwt();
    for (const input of [
      `data:application/vp+jwt,${vp}`,
      { '@context': [V2], type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${vp}` },
    ]) {
      const report = await verifyPresentation(input, { trust, now });
      expect([report.verified, report.envelope]).toEqual([true, 'enveloped']);
    }
  });

  it.each([
    [
      'an envelope without the base context',
      { '@context': [], type: 'EnvelopedVerifiablePresentation' },
      'SCHEMA_INVALID',
    ],
    ['an envelope of another type', { '@context': V2, type: ['VerifiablePresentation'] }, 'SCHEMA_INVALID'],
    ['a plain string', 'not a presentation', 'MALFORMED_INPUT'],
    ['a number', 42, 'MALFORMED_INPUT'],
  ])('refuses %s', async (_name, value, code) => {
    const vp = await presentationJwt();
    const input = typeof value === 'object' ? { id: `data:application/vp+jwt,${vp}`, ...value } : value;
    const report = await verifyPresentation(input, { trust, now });
    expect([report.verified, report.checks.decoding]).toEqual([false, { ok: false, code }]);
  });

  it('refuses another media type, vc or vp claims and an iss that is not the holder', async () => {
    const asCredential = await presentationJwt({ header: { typ: 'vc+jwt' } });
    expect(codes(await verifyPresentation(asCredential, { trust, now }))).toEqual(['UNSUPPORTED_FORMAT']);
    const dataUrl = `data:application/vc+jwt,${await presentationJwt()}`;
    expect(codes(await verifyPresentation(dataUrl, { trust, now }))).toEqual(['UNSUPPORTED_FORMAT']);
    const withVp = await presentationJwt({ payload: { vp: {} } });
    expect(codes(await verifyPresentation(withVp, { trust, now }))).toEqual(['DECODING_FAILED']);
    const otherIss = await presentationJwt({ payload: { iss: 'did:example:mallory' } });
    expect(codes(await verifyPresentation(otherIss, { trust, now }))).toEqual(['DECODING_FAILED']);
  });

  it('refuses a changed signature, a holder key nobody gave, and an expired presentation', async () => {
    const vp = await presentationJwt();
    const changed = `${vp.slice(0, -4)}${vp.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(codes(await verifyPresentation(changed, { trust, now }))).toEqual(['SIGNATURE_INVALID']);
    const webHolder = await presentationJwt({ payload: { holder: 'did:web:holder.example' } });
    expect(codes(await verifyPresentation(webHolder, { trust, now }))).toEqual(['KEY_NOT_FOUND']);
    const later = new Date(now.getTime() + 3_600_000);
    const expired = await verifyPresentation(vp, { trust, now: later });
    expect(codes(expired)).toEqual(['EXPIRED']);
  });

  it('checks the challenge and domain it was asked for', async () => {
    const vp = await presentationJwt();
    expect(
      (await verifyPresentation(vp, { trust, now, challenge: 'challenge-1', domain: 'verifier.example' }))
        .verified,
    ).toBe(true);
    expect(codes(await verifyPresentation(vp, { trust, now, challenge: 'replayed' }))).toEqual([
      'CHALLENGE_MISMATCH',
    ]);
    expect(codes(await verifyPresentation(vp, { trust, now, domain: 'other.example' }))).toEqual([
      'DOMAIN_MISMATCH',
    ]);
  });

  it('refuses credentials that are not enveloped, or that do not verify on their own', async () => {
    const plain = {
      '@context': [V2],
      type: ['VerifiableCredential'],
      issuer,
      credentialSubject: { name: 'Alice' },
    };
    const unsecured = await verifyPresentation(await presentationJwt({ credentials: [plain] }), {
      trust,
      now,
    });
    expect(unsecured.verified).toBe(false);
    expect(unsecured.checks.schema).toEqual({ ok: false, code: 'SCHEMA_INVALID' });
    expect(unsecured.checks.credentials.ok).toBe(false);

    const stranger = 'https://stranger.example';
    const strangerKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      format: 'jwk',
    });
    const untrusted = await presentationJwt({
      credentials: [enveloped(await credentialJwt()), enveloped(await credentialJwt(stranger, strangerKey))],
    });
    const report = await verifyPresentation(untrusted, { trust, now });
    expect(report.checks.signature.ok).toBe(true);
    expect(report.checks.credentials).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
    expect(report.credentials.map((c) => c.verified)).toEqual([true, false]);

    const sdJwt = {
      '@context': V2,
      type: 'EnvelopedVerifiableCredential',
      id: 'data:application/vc+sd-jwt,eyJhbGciOiJFUzI1NiJ9.e30.AAAA~',
    };
    const unsupported = await verifyPresentation(await presentationJwt({ credentials: [sdJwt] }), {
      trust,
      now,
    });
    expect(unsupported.checks.credentials).toEqual({ ok: false, code: 'UNSUPPORTED_FORMAT' });
  });

  it(`verifies no more than ${MAX_PRESENTED_CREDENTIALS} credentials`, async () => {
    const one = enveloped(await credentialJwt());
    const many = await presentationJwt({
      credentials: Array.from({ length: MAX_PRESENTED_CREDENTIALS + 1 }, () => one),
    });
    const report = await verifyPresentation(many, { trust, now });
    expect(report.checks.credentials).toEqual({ ok: false, code: 'INPUT_TOO_LARGE' });
    expect(report.credentials).toEqual([]);
  });

  it('checks a holder key given out of band (the trust store) as well as a did:jwk', async () => {
    const person = 'https://holder.example/alice';
    const given = trustOfOneKey(person, `${person}#k`, holderJwk);
    const vp = await signJws(
      'ES384',
      holderPair.privateKey.export({ format: 'jwk' }),
      { kid: '#k', typ: 'vp+jwt' },
      {
        '@context': [V2],
        type: 'VerifiablePresentation',
        holder: person,
      },
    );
    const report = await verifyPresentation(vp, { trust: given, now });
    expect([report.verified, report.credentials]).toEqual([true, []]);
  });
});

// The presentation's proof binds the credentials in it to the challenge and domain; an SD-JWT's own
// key binding JWT is checked when there, against them, and required only when the verifier says so.
describe('verifyPresentation of an SD-JWT credential and its key binding', () => {
  const sdJwt = encodeSdJwtCredential(
    {
      '@context': [V2],
      type: ['VerifiableCredential'],
      issuer,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: holder, name: 'Alice' },
      cnf: { jwk: holderJwk },
    },
    ['credentialSubject.name'],
    { alg: 'ES256', kid: issuerKid },
    (data) => sign('sha256', data, { key: issuerPair.privateKey, dsaEncoding: 'ieee-p1363' }),
  );
  const sdHash = createHash('sha256').update(sdJwt).digest('base64url');
  const boundTo = async (nonce: string) =>
    `${sdJwt}${await signJws('ES384', holderPair.privateKey.export({ format: 'jwk' }), { typ: 'kb+jwt' }, { iat: nowSec, aud: 'verifier.example', nonce, sd_hash: sdHash })}`;
  const sdEnvelope = (text: string) => ({
    '@context': V2,
    type: 'EnvelopedVerifiableCredential',
    id: `data:application/vc+sd-jwt,${text}`,
  });
  const asked = { trust, now, challenge: 'challenge-1', domain: 'verifier.example' };

  it('verifies one whose KB-JWT answers the same challenge and domain', async () => {
    const vp = await presentationJwt({ credentials: [sdEnvelope(await boundTo('challenge-1'))] });
    const report = await verifyPresentation(vp, asked);
    expect([report.verified, report.credentials[0]?.checks.keyBinding]).toEqual([true, { ok: true }]);
  });

  it('refuses one whose KB-JWT answers another challenge', async () => {
    const vp = await presentationJwt({ credentials: [sdEnvelope(await boundTo('challenge-0'))] });
    const report = await verifyPresentation(vp, asked);
    expect(report.checks.credentials).toEqual({ ok: false, code: 'CHALLENGE_MISMATCH' });
  });

  it('does not require a KB-JWT, unless requireKeyBinding says so, for any credential in it', async () => {
    const vp = await presentationJwt({ credentials: [sdEnvelope(sdJwt)] });
    const report = await verifyPresentation(vp, asked);
    expect([report.verified, report.credentials[0]?.checks.keyBinding]).toEqual([true, undefined]);
    const required = await verifyPresentation(vp, { ...asked, requireKeyBinding: true });
    expect(required.checks.credentials).toEqual({ ok: false, code: 'KEY_BINDING_REQUIRED' });
    const vcJwt = await presentationJwt();
    const vcRequired = await verifyPresentation(vcJwt, { ...asked, requireKeyBinding: true });
    expect(vcRequired.checks.credentials).toEqual({ ok: false, code: 'KEY_BINDING_REQUIRED' });
  });

  it('hands a verifyCredential of its own the key binding asked of each credential', async () => {
    const policies: unknown[] = [];
    await verifyPresentation(await presentationJwt(), {
      ...asked,
      verifyCredential: (_credential, keyBinding) => {
        policies.push(keyBinding);
        return { verified: true, format: 'passage', checks: {} as never, errors: [], checkedAt: '' };
      },
    });
    expect(policies).toEqual([{ required: false, challenge: 'challenge-1', domain: 'verifier.example' }]);
  });
});

describe('verifyPresentation (application/vp+cose)', () => {
  const coseOf = async (payload: Record<string, unknown> = {}) =>
    encodeCoseSecured(
      {
        '@context': [V2],
        type: ['VerifiablePresentation'],
        holder,
        verifiableCredential: [enveloped(await credentialJwt())],
        ...payload,
      },
      'vp',
      'ES384',
      `${holder}#0`,
      (data) => sign('sha384', data, { key: holderPair.privateKey, dsaEncoding: 'ieee-p1363' }),
    );

  it('verifies a presentation secured with COSE, in base64, a data: URL or an envelope', async () => {
    const text = await coseOf();
    const dataUrl = `data:application/vp+cose;base64,${text}`;
    for (const [input, envelope] of [
      [text, 'cose'],
      [dataUrl, 'enveloped'],
      [{ '@context': V2, type: 'EnvelopedVerifiablePresentation', id: dataUrl }, 'enveloped'],
    ] as const) {
      const report = await verifyPresentation(input, { trust, now });
      expect(codes(report)).toEqual([]);
      expect([report.verified, report.securing, report.envelope]).toEqual([true, 'vp+cose', envelope]);
      expect(report.credentials.map((c) => c.verified)).toEqual([true]);
    }
  });

  it('refuses a changed COSE presentation and a credential secured with COSE read as a presentation', async () => {
    const bytes = Buffer.from(await coseOf(), 'base64');
    bytes[bytes.indexOf(Buffer.from('VerifiablePresentation'))] = 'v'.charCodeAt(0);
    expect(codes(await verifyPresentation(bytes.toString('base64'), { trust, now }))).toContain(
      'SIGNATURE_INVALID',
    );
    const credential = encodeCoseSecured(
      { '@context': [V2], type: ['VerifiableCredential'], issuer: holder, credentialSubject: { id: holder } },
      'vc',
      'ES384',
      `${holder}#0`,
      (data) => sign('sha384', data, { key: holderPair.privateKey, dsaEncoding: 'ieee-p1363' }),
    );
    expect(codes(await verifyPresentation(credential, { trust, now }))).toEqual(['UNSUPPORTED_FORMAT']);
  });
});

describe('verifyPresentation on hostile input', () => {
  it('answers a report, never throws, and never verifies a changed presentation', async () => {
    const valid = await presentationJwt();
    const mutate = mutations(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~{}"');
    for (let i = 0; i < 300; i++) {
      const text = mutate(valid, i);
      const input =
        i % 4 === 0
          ? { '@context': V2, type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${text}` }
          : text;
      const report = await verifyPresentation(input, { trust, now });
      expect(() => JSON.stringify(report)).not.toThrow();
      if (report.verified) expect(text).toBe(valid);
      for (const error of report.errors) expect(typeof error.code).toBe('string');
    }
    for (const value of [
      null,
      undefined,
      [],
      {},
      '',
      'a.b.c',
      'data:',
      'data:application/vp+jwt,',
      1e300,
      { id: 5 },
    ]) {
      const report = await verifyPresentation(value, { trust, now });
      expect(report.verified).toBe(false);
      expect(report.checks.decoding.ok).toBe(false);
    }
  });
});
