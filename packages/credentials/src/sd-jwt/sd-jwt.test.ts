import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPresentation } from '../presentation/verify-presentation.js';
import { mutations, trustOfOneKey } from '../test-support.js';
import { verifyCredential } from '../verify/verify.js';
import { decodeSdJwtCredential, encodeSdJwtCredential } from './sd-jwt.js';

const now = new Date('2025-06-01T00:00:00Z');
const issuer = 'https://issuer.example/vc-jose-cose';
const kid = `${issuer}#key-1`;
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const es256 = (key: typeof privateKey) => (data: Uint8Array) =>
  sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
const trust = trustOfOneKey(issuer, kid, publicKey.export({ format: 'jwk' }));
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:123',
    firstName: 'Jane',
    address: { street: '1 Main St', city: 'Springfield' },
    phoneNumbers: ['555-0100', '555-0101'],
  },
};
const paths = [
  'credentialSubject.firstName',
  'credentialSubject.address.street',
  'credentialSubject.phoneNumbers[0]',
];
const issue = (extra: object = {}, disclose = paths) =>
  encodeSdJwtCredential({ ...credential, ...extra }, disclose, { alg: 'ES256', kid }, es256(privateKey));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const codes = (report: { errors: { code: string }[] }) => report.errors.map((e) => e.code);

describe('credentials secured with SD-JWT (application/vc+sd-jwt)', () => {
  it("reveals RFC 9901's own example disclosure under its digest", () => {
    // RFC 9901 §4.2.1: this Disclosure has the digest X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0.
    const disclosure = 'WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0';
    const jwt = `${b64({ alg: 'ES256', typ: 'vc+sd-jwt' })}.${b64({ _sd: ['X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0'], _sd_alg: 'sha-256' })}.AAAA`;
    expect(decodeSdJwtCredential(`${jwt}~${disclosure}~`).payload).toEqual({ family_name: 'Möbius' });
  });

  it('verifies with every disclosure, some, or none, revealing only what is disclosed', () => {
    const sdJwt = issue();
    const [jwt, ...disclosures] = sdJwt.split('~');
    const all = verifyCredential(sdJwt, { trust, now });
    expect([all.verified, all.securing, codes(all)]).toEqual([true, 'vc+sd-jwt', []]);
    expect(all.credential?.credentialSubject).toEqual(credential.credentialSubject);
    const none = verifyCredential(`${jwt}~`, { trust, now });
    expect(none.verified).toBe(true);
    expect(none.credential?.credentialSubject).toEqual({
      id: 'did:example:123',
      address: { city: 'Springfield' },
      phoneNumbers: ['555-0101'],
    });
    const street = disclosures.find(
      (d) => d !== '' && Buffer.from(d, 'base64url').toString().includes('street'),
    );
    const some = verifyCredential(`${jwt}~${street}~`, { trust, now });
    expect(some.credential?.credentialSubject).toMatchObject({ address: { street: '1 Main St' } });
    for (const input of [
      `data:application/vc+sd-jwt,${sdJwt}`,
      {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+sd-jwt,${sdJwt}`,
      },
    ]) {
      expect(verifyCredential(input, { trust, now }).verified).toBe(true);
    }
  });

  it.each([
    [
      'a changed disclosure (no digest names it)',
      (s: string) => s.replace(/~([^~]+)~/, (_m, d: string) => `~${d.slice(0, -2)}AA~`),
      'DECODING_FAILED',
    ],
    ['a repeated disclosure', (s: string) => `${s}${s.split('~')[1]}~`, 'DECODING_FAILED'],
    ['an empty disclosure', (s: string) => s.replace('~', '~~'), 'DECODING_FAILED'],
    ['a disclosure of another credential', (s: string) => `${s}${issue().split('~')[1]}~`, 'DECODING_FAILED'],
    [
      'a changed issuer-signed payload',
      (s: string) =>
        s.replace(
          /\.([^.]+)\./,
          (_m, p: string) =>
            `.${b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), validFrom: '2025-02-01T00:00:00Z' })}.`,
        ),
      'SIGNATURE_INVALID',
    ],
  ])('refuses %s', (_name, change, code) => {
    const report = verifyCredential(change(issue()), { trust, now });
    expect([report.verified, report.errors[0]?.code]).toEqual([false, code]);
  });

  it('refuses another digest algorithm, a digest named twice, a disclosed _sd and another typ', () => {
    const sign256 = (header: object, payload: object, disclosures: string[] = []) => {
      const input = `${b64(header)}.${b64(payload)}`;
      return `${input}.${es256(privateKey)(Buffer.from(input)).toString('base64url')}~${disclosures.map((d) => `${d}~`).join('')}`;
    };
    const header = { alg: 'ES256', kid, typ: 'vc+sd-jwt' };
    const disclosure = b64(['salt', 'name', 'Jane']);
    const digest = createHash('sha256').update(disclosure).digest('base64url');
    const subject = (sd: string[]) => ({
      ...credential,
      credentialSubject: { id: 'did:example:1', _sd: sd },
    });
    expect(
      codes(
        verifyCredential(sign256(header, { ...subject([digest]), _sd_alg: 'sha-512' }, [disclosure]), {
          trust,
          now,
        }),
      ),
    ).toEqual(['DECODING_FAILED']);
    expect(
      codes(verifyCredential(sign256(header, subject([digest, digest]), [disclosure]), { trust, now })),
    ).toEqual(['DECODING_FAILED']);
    const sdName = b64(['salt', '_sd', ['x']]);
    const sdDigest = createHash('sha256').update(sdName).digest('base64url');
    expect(codes(verifyCredential(sign256(header, subject([sdDigest]), [sdName]), { trust, now }))).toEqual([
      'DECODING_FAILED',
    ]);
    expect(
      codes(
        verifyCredential(sign256({ ...header, typ: 'vc+jwt' }, subject([digest]), [disclosure]), {
          trust,
          now,
        }),
      ),
    ).toEqual(['UNSUPPORTED_FORMAT']);
    // A `__proto__` member (JSON.parse keeps it as data) would become the prototype of what is revealed.
    const proto = JSON.parse(`{"__proto__": {"id": "did:example:x"}, "_sd": ["${digest}"]}`);
    const withProto = sign256(header, { ...credential, credentialSubject: proto }, [disclosure]);
    expect(codes(verifyCredential(withProto, { trust, now }))).toEqual(['DECODING_FAILED']);
    expect(verifyCredential(sign256(header, subject([digest]), [disclosure]), { trust, now }).verified).toBe(
      true,
    );
  });

  it('is read inside a presentation', async () => {
    const holder = generateKeyPairSync('ed25519');
    const did = `did:jwk:${b64(holder.publicKey.export({ format: 'jwk' }))}`;
    const input = `${b64({ alg: 'EdDSA', kid: `${did}#0`, typ: 'vp+jwt' })}.${b64({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'VerifiablePresentation',
      holder: did,
      verifiableCredential: [
        {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+sd-jwt,${issue()}`,
        },
      ],
    })}`;
    const vp = `${input}.${sign(null, Buffer.from(input), holder.privateKey).toString('base64url')}`;
    const report = await verifyPresentation(vp, { trust, now });
    expect([report.verified, report.credentials[0]?.securing]).toEqual([true, 'vc+sd-jwt']);
  });

  it('never throws on hostile text, and never verifies a changed issuer-signed part', () => {
    const sdJwt = issue();
    const mutate = mutations(3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~');
    for (let i = 0; i < 300; i++) {
      const text = mutate(sdJwt, i);
      const report = verifyCredential(text, { trust, now });
      expect(typeof report.verified).toBe('boolean');
      if (report.verified) expect(text.split('~')[0]).toBe(sdJwt.split('~')[0]);
    }
  });
});
