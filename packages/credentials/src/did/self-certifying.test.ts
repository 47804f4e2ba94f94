import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { verifyPresentation } from '../presentation/verify-presentation.js';
import { createTrustStore } from '../trust/trust-store.js';
import { verifyCredential } from '../verify/verify.js';
import { isSelfCertifyingDid, publicJwkOfDid } from './self-certifying.js';

// A real presentation from another system: the W3C VC Data Model 2.0 test suite's `vp_jwt` fixture
// (w3c/vc-data-model-2.0-test-suite, tests/fixtures.js): signed with EdDSA by a did:key holder, and
// carrying a credential signed with ES256 by a P-256 did:key (a compressed point).
const VP_JWT =
  'eyJ0eXAiOiAiSldUIiwgImFsZyI6ICJFZERTQSIsICJraWQiOiAiZGlkOmtleTp6Nk1rajhoM2t6V1pyUGl1Y295WTlMR0NUcFhoQ3FCb1gzZG9EbUh6NU1hUHhudmkjejZNa2o4aDNreldaclBpdWNveVk5TEdDVHBYaENxQm9YM2RvRG1IejVNYVB4bnZpIn0.eyJpc3MiOiAiZGlkOmtleTp6Nk1rajhoM2t6V1pyUGl1Y295WTlMR0NUcFhoQ3FCb1gzZG9EbUh6NU1hUHhudmkiLCAiYXVkIjogImV4YW1wbGUuY29tIiwgIm5vbmNlIjogIjEyMzQ1Njc4OSIsICJ2cCI6IHsiQGNvbnRleHQiOiBbImh0dHBzOi8vd3d3LnczLm9yZy9ucy9jcmVkZW50aWFscy92MiJdLCAidHlwZSI6IFsiVmVyaWZpYWJsZVByZXNlbnRhdGlvbiJdLCAiaG9sZGVyIjogImRpZDprZXk6ejZNa2o4aDNreldaclBpdWNveVk5TEdDVHBYaENxQm9YM2RvRG1IejVNYVB4bnZpIiwgInZlcmlmaWFibGVDcmVkZW50aWFsIjogW3siQGNvbnRleHQiOiAiaHR0cHM6Ly93d3cudzMub3JnL25zL2NyZWRlbnRpYWxzL3YyIiwgInR5cGUiOiAiRW52ZWxvcGVkVmVyaWZpYWJsZUNyZWRlbnRpYWwiLCAiaWQiOiAiZGF0YTphcHBsaWNhdGlvbi9qd3QsZXlKaGJHY2lPaUpGVXpJMU5pSXNJbXRwWkNJNkltUnBaRHByWlhrNmVrUnVZV1ZVVVV0RVlsaFJWRFJpWVhSNFMyTnVUVkZaVVRoS2VXNXFjVU0xV0hveGRVMXJOV1YxUnpKb2REaHVjU042Ukc1aFpWUlJTMFJpV0ZGVU5HSmhkSGhMWTI1TlVWbFJPRXA1Ym1weFF6VlllakYxVFdzMVpYVkhNbWgwT0c1eEluMC5leUpwYzNNaU9pSmthV1E2YTJWNU9ucEVibUZsVkZGTFJHSllVVlEwWW1GMGVFdGpiazFSV1ZFNFNubHVhbkZETlZoNk1YVk5helZsZFVjeWFIUTRibkVpTENKemRXSWlPaUprYVdRNlpYaGhiWEJzWlRwaGJHbGpaU0lzSW5aaklqcDdJa0JqYjI1MFpYaDBJanBiSW1oMGRIQnpPaTh2ZDNkM0xuY3pMbTl5Wnk5dWN5OWpjbVZrWlc1MGFXRnNjeTkyTWlKZExDSjBlWEJsSWpwYklsWmxjbWxtYVdGaWJHVkRjbVZrWlc1MGFXRnNJbDBzSW1OeVpXUmxiblJwWVd4VGRXSnFaV04wSWpwN0ltbGtJam9pWkdsa09tVjRZVzF3YkdVNllXeHBZMlVpTENKdVlXMWxJam9pUVd4cFkyVWlmU3dpYVhOemRXVnlJam9pWkdsa09tdGxlVHA2Ukc1aFpWUlJTMFJpV0ZGVU5HSmhkSGhMWTI1TlVWbFJPRXA1Ym1weFF6VlllakYxVFdzMVpYVkhNbWgwT0c1eEluMTkucUU4VVliU0pmSWRZVV9MU3d4TEVJRHRqVHBMTGFwNkVZNTNKR3dhZy1UM3dyX2FROVNRem1pcUZFMUZQWEZnZkFVOEdIT2tTWTdBUm1feDVBRnZPTkEifV19fQ.9L0gNj8NbDTMZhCCNDL-q6aSKEddxuJKsX0FGGb7qooHsQQ7i_ZHQEo3hL2jzowWvHzrX4PGTrAhc8j4SIkFCg';

const segments = (jws: string) => jws.split('.') as [string, string, string];
const json = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

/** The did:key of a Node public key: its multicodec, then the raw key (compressed for EC), in base58btc. */
function didKeyOf(publicKey: ReturnType<typeof generateKeyPairSync>['publicKey'], codec: number[]): string {
  const jwk = publicKey.export({ format: 'jwk' });
  let raw: Buffer;
  if (jwk.kty === 'OKP') raw = Buffer.from(jwk.x ?? '', 'base64url');
  else {
    const y = Buffer.from(jwk.y ?? '', 'base64url');
    raw = Buffer.concat([Buffer.of(2 + ((y.at(-1) ?? 0) & 1)), Buffer.from(jwk.x ?? '', 'base64url')]);
  }
  return `did:key:z${base58.encode(Buffer.concat([Buffer.of(...codec), raw]))}`;
}

describe('keys of self-certifying DIDs (did:jwk, did:key)', () => {
  it("reads the W3C suite's did:key holder (Ed25519) and issuer (P-256), whose signatures then verify", () => {
    const [h, p, s] = segments(VP_JWT);
    const payload = json(p);
    const holderKey = createPublicKey({ key: publicJwkOfDid(payload.iss) as never, format: 'jwk' });
    expect(verify(null, Buffer.from(`${h}.${p}`), holderKey, Buffer.from(s, 'base64url'))).toBe(true);
    const inner = String(payload.vp.verifiableCredential[0].id).slice('data:application/jwt,'.length);
    const [ih, ip, is] = segments(inner);
    const issuer = json(ip).iss;
    expect(publicJwkOfDid(issuer)).toMatchObject({ kty: 'EC', crv: 'P-256' });
    const issuerKey = createPublicKey({ key: publicJwkOfDid(issuer) as never, format: 'jwk' });
    const data = Buffer.from(`${ih}.${ip}`);
    expect(
      verify('sha256', data, { key: issuerKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(is, 'base64url')),
    ).toBe(true);
  });

  it.each([
    ['Ed25519', () => generateKeyPairSync('ed25519'), [0xed, 0x01]],
    ['P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), [0x80, 0x24]],
    ['P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' }), [0x81, 0x24]],
    ['P-521', () => generateKeyPairSync('ec', { namedCurve: 'P-521' }), [0x82, 0x24]],
  ] as const)(
    'gives the JWK node:crypto exports for a %s did:key (points decompressed)',
    (_name, make, codec) => {
      for (let i = 0; i < 8; i++) {
        const { publicKey } = make();
        const did = didKeyOf(publicKey, [...codec]);
        expect(isSelfCertifyingDid(did)).toBe(true);
        const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
        expect(publicJwkOfDid(did)).toEqual({ kty, crv, x, ...(y === undefined ? {} : { y }) });
      }
    },
  );

  it.each([
    [
      'another multicodec (secp256k1)',
      `did:key:z${base58.encode(Uint8Array.of(0xe7, 0x01, 2, ...new Uint8Array(32).fill(1)))}`,
    ],
    [
      'an x off the curve',
      `did:key:z${base58.encode(Uint8Array.of(0x80, 0x24, 2, ...new Uint8Array(32).fill(0xff)))}`,
    ],
    ['a short Ed25519 key', `did:key:z${base58.encode(Uint8Array.of(0xed, 0x01, 1, 2, 3))}`],
    ['another multibase', 'did:key:mAAAA'],
    ['characters base58 has not', 'did:key:z0OIl'],
    ['a did:jwk that is not JSON', 'did:jwk:bm90IGpzb24'],
    ['another method', 'did:web:example.com'],
  ])('names no key for %s', (_name, did) => {
    expect(publicJwkOfDid(did)).toBeUndefined();
  });

  it('checks the signature of an untrusted did:key issuer and a did:key holder without any network', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const did = didKeyOf(publicKey, [0xed, 0x01]);
    const kid = `${did}#${did.slice('did:key:'.length)}`;
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = (header: object, payload: object) => {
      const input = `${b64(header)}.${b64(payload)}`;
      return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
    };
    const credential = signed(
      { alg: 'EdDSA', kid, typ: 'vc+jwt' },
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: did,
        credentialSubject: { id: did },
      },
    );
    const trust = createTrustStore({ entries: [] });
    const report = verifyCredential(credential, { trust });
    expect([report.checks.signature.ok, report.errors.map((e) => e.code)]).toEqual([
      true,
      ['ISSUER_NOT_TRUSTED'],
    ]);
    const presentation = signed(
      { alg: 'EdDSA', kid, typ: 'vp+jwt' },
      { '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'VerifiablePresentation', holder: did },
    );
    expect((await verifyPresentation(presentation, { trust })).verified).toBe(true);
  });
});
