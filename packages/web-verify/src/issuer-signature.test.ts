import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyIssuerSignature } from './issuer-signature.js';

const did = 'did:web:issuer.example:authorities:moh';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

type Alg = 'ES256' | 'ES384' | 'ES512' | 'EdDSA';
const CURVES = {
  ES256: ['P-256', 'sha256'],
  ES384: ['P-384', 'sha384'],
  ES512: ['P-521', 'sha512'],
} as const;

function keys(kind: Alg) {
  return kind === 'EdDSA'
    ? generateKeyPairSync('ed25519')
    : generateKeyPairSync('ec', { namedCurve: CURVES[kind][0] });
}

function documentFor(publicKey: KeyObject, id = '#key-1') {
  return {
    id: did,
    verificationMethod: [
      { id, type: 'JsonWebKey', controller: did, publicKeyJwk: publicKey.export({ format: 'jwk' }) },
    ],
  };
}

function jwsBy(privateKey: KeyObject, alg: Alg, kid = `${did}#key-1`) {
  const input = `${b64({ alg, kid, typ: 'vc+jwt' })}.${b64({ issuer: did, credentialSubject: { id: 'did:jwk:x' } })}`;
  const signature =
    alg === 'EdDSA'
      ? sign(null, Buffer.from(input), privateKey)
      : sign(CURVES[alg][1], Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

describe('verifyIssuerSignature (the wallet checks what it receives)', () => {
  it.each(['ES256', 'ES384', 'ES512', 'EdDSA'] as const)(
    'accepts a %s credential signed by the method its kid names',
    async (alg) => {
      const { privateKey, publicKey } = keys(alg);
      expect(await verifyIssuerSignature(jwsBy(privateKey, alg), documentFor(publicKey))).toEqual({
        ok: true,
      });
      expect(
        await verifyIssuerSignature(jwsBy(privateKey, alg), documentFor(publicKey, `${did}#key-1`)),
      ).toEqual({ ok: true });
    },
  );

  it('SIGNATURE_INVALID for a credential signed by another key', async () => {
    const { publicKey } = keys('ES256');
    const other = keys('ES256');
    expect(await verifyIssuerSignature(jwsBy(other.privateKey, 'ES256'), documentFor(publicKey))).toEqual({
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
  });

  it.each([
    ['a kid of another DID', (k: KeyObject) => jwsBy(k, 'ES256', 'did:web:evil.example#key-1')],
    ['a kid the document does not list', (k: KeyObject) => jwsBy(k, 'ES256', `${did}#key-2`)],
    ['an alg the key does not sign with', (k: KeyObject) => jwsBy(k, 'EdDSA')],
    ["another curve's alg", (k: KeyObject) => jwsBy(k, 'ES384')],
  ])('KEY_NOT_FOUND for %s', async (_name, make) => {
    const { privateKey, publicKey } = keys('ES256');
    const jws = make(privateKey);
    expect(await verifyIssuerSignature(jws, documentFor(publicKey))).toMatchObject({
      ok: false,
      code: 'KEY_NOT_FOUND',
    });
  });

  it('DECODING_FAILED for what is not a compact JWS, and KEY_NOT_FOUND without a document', async () => {
    const { privateKey } = keys('ES256');
    expect(await verifyIssuerSignature('not.a', {})).toMatchObject({ code: 'DECODING_FAILED' });
    expect(await verifyIssuerSignature(jwsBy(privateKey, 'ES256'), null)).toMatchObject({
      code: 'KEY_NOT_FOUND',
    });
  });
});
