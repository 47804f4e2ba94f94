import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { CompactSign, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { trustOfOneKey } from '../test-support.js';
import { createTrustStore } from '../trust/trust-store.js';
import { verifyCredential } from '../verify/verify.js';
import { algorithmOfKey, ECDSA, type JoseAlgorithm, SUPPORTED_ALGORITHMS } from './algorithms.js';
import { decodeCompactJws } from './compact.js';
import { signatureIsValid, verificationKeyFromJwk } from './signature.js';

// Every algorithm is checked against jose, an independent JOSE implementation: what it signs,
// Passage verifies, and a signature of another key, another length or another curve never passes.
const pairs: Record<JoseAlgorithm, () => ReturnType<typeof generateKeyPairSync>> = {
  ES256: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  ES384: () => generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  ES512: () => generateKeyPairSync('ec', { namedCurve: 'P-521' }),
  EdDSA: () => generateKeyPairSync('ed25519'),
};

const now = new Date('2025-06-01T00:00:00Z');

function credentialOf(issuer: string) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:123', name: 'Alice' },
  };
}

async function joseSign(alg: JoseAlgorithm, privateJwk: JsonWebKey, header: object, payload: object) {
  const key = await importJWK(privateJwk as Parameters<typeof importJWK>[0], alg);
  return new CompactSign(Buffer.from(JSON.stringify(payload)))
    .setProtectedHeader({ alg, ...header })
    .sign(key);
}

describe.each(SUPPORTED_ALGORITHMS)('%s', (alg) => {
  const { privateKey, publicKey } = pairs[alg]();
  const publicJwk = publicKey.export({ format: 'jwk' });
  const privateJwk = privateKey.export({ format: 'jwk' });

  it('is the algorithm of its key', () => {
    expect(algorithmOfKey(publicJwk.kty, publicJwk.crv)).toBe(alg);
    expect(verificationKeyFromJwk(publicJwk).alg).toBe(alg);
  });

  it("verifies jose's signature, and refuses another key's, a changed one and one of another length", async () => {
    const jws = await joseSign(alg, privateJwk, { typ: 'vc+jwt' }, credentialOf('https://issuer.example'));
    const decoded = decodeCompactJws(jws);
    const key = verificationKeyFromJwk(publicJwk);
    expect(signatureIsValid(decoded, key)).toBe(true);
    expect(
      signatureIsValid(decoded, verificationKeyFromJwk(pairs[alg]().publicKey.export({ format: 'jwk' }))),
    ).toBe(false);
    const changed = Buffer.from(decoded.signature);
    changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 1;
    expect(signatureIsValid({ ...decoded, signature: changed }, key)).toBe(false);
    expect(
      signatureIsValid({ ...decoded, signature: Buffer.concat([decoded.signature, Buffer.of(0)]) }, key),
    ).toBe(false);
    if (alg !== 'EdDSA') expect(decoded.signature.length).toBe(ECDSA[alg].signatureLength);
  });

  it('verifies a vc+jwt of a did:jwk issuer and of a trusted issuer with that key', async () => {
    const did = `did:jwk:${Buffer.from(JSON.stringify(publicJwk)).toString('base64url')}`;
    const selfCertified = await joseSign(
      alg,
      privateJwk,
      { kid: `${did}#0`, typ: 'vc+jwt' },
      credentialOf(did),
    );
    const untrusted = verifyCredential(selfCertified, { trust: createTrustStore({ entries: [] }), now });
    expect(untrusted.checks.signature.ok).toBe(true);
    expect(untrusted.errors.map((e) => e.code)).toEqual(['ISSUER_NOT_TRUSTED']);

    const issuer = 'https://issuer.example/authority';
    const kid = `${issuer}#key-1`;
    const trust = trustOfOneKey(issuer, kid, publicJwk);
    const jws = await joseSign(alg, privateJwk, { kid, typ: 'vc+jwt' }, credentialOf(issuer));
    expect(verifyCredential(jws, { trust, now }).checks.signature.ok).toBe(true);
    // An algorithm the verifier does not accept is refused before any key is tried.
    const only = SUPPORTED_ALGORITHMS.filter((a) => a !== alg);
    expect(verifyCredential(jws, { trust, now, algorithms: only }).errors[0]?.code).toBe(
      'ALGORITHM_NOT_ALLOWED',
    );
  });

  it("refuses a header naming another algorithm than the key's", async () => {
    const did = `did:jwk:${Buffer.from(JSON.stringify(publicJwk)).toString('base64url')}`;
    const other: JoseAlgorithm = alg === 'ES256' ? 'ES384' : 'ES256';
    const otherPair = pairs[other]();
    const jws = await joseSign(
      other,
      otherPair.privateKey.export({ format: 'jwk' }),
      { kid: `${did}#0`, typ: 'vc+jwt' },
      credentialOf(did),
    );
    const report = verifyCredential(jws, { trust: createTrustStore({ entries: [] }), now });
    expect(report.checks.signature.ok).toBe(false);
    expect(report.errors.map((e) => e.code)).toContain('ALGORITHM_NOT_ALLOWED');
  });
});
