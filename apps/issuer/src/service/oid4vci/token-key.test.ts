import { createSign, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../db/index.js';
import { accessTokenKey, p256KeyFromSeed } from './token-key.js';

const SECRET = 'token-key-test-secret-0123456789abcdef';

function signsAndVerifies(key: ReturnType<typeof p256KeyFromSeed>): boolean {
  const signature = createSign('sha256').update('data').sign(key.privateKey);
  return createVerify('sha256').update('data').verify(key.publicKey, signature);
}

describe('the access-token key', () => {
  it('is the same P-256 key for the same secret, in any process and after a restart', () => {
    const a = accessTokenKey(createSecretBox(SECRET));
    const b = accessTokenKey(createSecretBox(SECRET));
    expect(a.publicJwk).toEqual(b.publicJwk);
    expect(a.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(a.publicKey.export({ format: 'jwk' })).toEqual(a.publicJwk);
    expect(signsAndVerifies(a)).toBe(true);
  });

  it('differs for another secret', () => {
    const other = accessTokenKey(createSecretBox(`${SECRET}-other`));
    expect(other.publicJwk).not.toEqual(accessTokenKey(createSecretBox(SECRET)).publicJwk);
  });

  it('is a valid key for every seed, the extremes included', () => {
    for (const fill of [0x00, 0xff, 0x7f]) {
      expect(signsAndVerifies(p256KeyFromSeed(new Uint8Array(48).fill(fill)))).toBe(true);
    }
    expect(() => p256KeyFromSeed(new Uint8Array(32))).toThrow(RangeError);
  });
});
