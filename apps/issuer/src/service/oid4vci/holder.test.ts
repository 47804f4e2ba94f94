import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { didJwkKey } from './callbacks.js';
import { didJwkOf, holderDid } from './holder.js';

describe('holder DID', () => {
  it('a jwk header becomes the did:jwk of its public members, and back', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const did = holderDid({ method: 'jwk', alg: 'ES256', publicJwk: { ...jwk, kty: 'EC', kid: 'k1' } });
    expect(did).toBe(didJwkOf({ ...jwk }));
    expect(didJwkKey(did ?? '')).toEqual({ crv: 'P-256', kty: 'EC', x: jwk.x, y: jwk.y });
  });

  it('a did:jwk kid keeps its DID without the fragment', async () => {
    const did = didJwkOf({ kty: 'OKP', crv: 'Ed25519', x: 'abc' });
    expect(holderDid({ method: 'did', alg: 'EdDSA', didUrl: `${did}#0` })).toBe(did);
  });

  it('no other DID method or key carrier binds a credential', () => {
    expect(
      holderDid({ method: 'did', alg: 'ES256', didUrl: 'did:web:wallet.example#key-1' }),
    ).toBeUndefined();
    expect(didJwkKey('did:jwk:not-json')).toBeUndefined();
  });
});
