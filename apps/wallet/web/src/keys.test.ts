import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { fromBase64url } from './base64url.js';
import { createHolderKey, signEs256 } from './keys.js';

describe('holder keys', () => {
  it('makes a non-extractable private key and a did:jwk of its public JWK', async () => {
    const key = await createHolderKey();
    expect(key.pair.privateKey.extractable).toBe(false);
    const jwk = JSON.parse(new TextDecoder().decode(fromBase64url(key.did.slice('did:jwk:'.length))));
    expect(jwk).toEqual(key.publicJwk);
  });

  it('makes a different key each time', async () => {
    const [a, b] = await Promise.all([createHolderKey(), createHolderKey()]);
    expect(a.did).not.toBe(b.did);
  });

  it('signs a JWS that verifies with the public JWK', async () => {
    const key = await createHolderKey();
    const jws = await signEs256(key.pair.privateKey, { typ: 'openid4vci-proof+jwt' }, { nonce: 'n' });
    const { protectedHeader } = await compactVerify(jws, await importJWK(key.publicJwk, 'ES256'));
    expect(protectedHeader.alg).toBe('ES256');
  });
});
