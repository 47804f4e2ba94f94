import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyIssuerSignature } from './issuer-signature.js';

const did = 'did:web:issuer.example:authorities:moh';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function keys(kind: 'ES256' | 'EdDSA') {
  return kind === 'ES256'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('ed25519');
}

function documentFor(publicKey: KeyObject, id = '#key-1') {
  return {
    id: did,
    verificationMethod: [
      { id, type: 'JsonWebKey', controller: did, publicKeyJwk: publicKey.export({ format: 'jwk' }) },
    ],
  };
}

function jwsBy(privateKey: KeyObject, alg: 'ES256' | 'EdDSA', kid = `${did}#key-1`) {
  const input = `${b64({ alg, kid, typ: 'vc+jwt' })}.${b64({ issuer: did, credentialSubject: { id: 'did:jwk:x' } })}`;
  const signature =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
      : sign(null, Buffer.from(input), privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

describe('verifyIssuerSignature (the wallet checks what it receives)', () => {
  it.each(['ES256', 'EdDSA'] as const)(
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
