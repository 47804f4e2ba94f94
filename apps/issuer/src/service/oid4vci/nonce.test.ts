import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../db/index.js';
import { mintNonce, NONCE_LIFETIME_SECONDS, nonceExpiry } from './nonce.js';

const box = createSecretBox('abcdefghijklmnopqrstuvwxyz0123456789');
const now = new Date('2026-01-01T00:00:00Z');

describe('c_nonce', () => {
  it('carries its own expiry', () => {
    const { nonce, expiresAt } = mintNonce(box, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(NONCE_LIFETIME_SECONDS * 1000);
    expect(nonceExpiry(box, nonce)?.getTime()).toBe(expiresAt.getTime());
  });

  it('is different every time', () => {
    expect(mintNonce(box, now).nonce).not.toBe(mintNonce(box, now).nonce);
  });

  it('is not accepted from another secret, altered, or of another kind', () => {
    const { nonce } = mintNonce(box, now);
    const other = createSecretBox('ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210');
    expect(nonceExpiry(other, nonce)).toBeUndefined();
    expect(nonceExpiry(box, `${nonce.slice(0, -2)}AA`)).toBeUndefined();
    expect(nonceExpiry(box, box.seal(JSON.stringify({ exp: 1 }), 'something else'))).toBeUndefined();
    expect(nonceExpiry(box, 42)).toBeUndefined();
  });
});
