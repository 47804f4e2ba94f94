import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.js';
import { thrownCode } from './test-db.js';

const SECRET = 'q3Vx8T2mN9pL4rK7wZ1yB6cD5fG0hJ2s';
const OTHER_SECRET = 'Zk4Pq8Ws2Er6Ty0Ui3Op7As1Df5Gh9Jk';
const PRIVATE_KEY_HEX = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** Replaces one base64url character of a sealed value's `index`-th part by another. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index] ?? '';
  parts[index] = (part.startsWith('A') ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('SecretBox', () => {
  it('round-trips a value in the v1.<iv>.<ciphertext>.<tag> format', () => {
    const box = createSecretBox(SECRET);
    const sealed = box.seal(PRIVATE_KEY_HEX, 'alias-1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain(PRIVATE_KEY_HEX);
    expect(box.open(sealed, 'alias-1')).toBe(PRIVATE_KEY_HEX);
  });

  it('uses a fresh IV for every value', () => {
    const box = createSecretBox(SECRET);
    expect(box.seal(PRIVATE_KEY_HEX)).not.toBe(box.seal(PRIVATE_KEY_HEX));
  });

  it('works as a Veramo AbstractSecretBox', async () => {
    const box = createSecretBox(SECRET);
    expect(await box.decrypt(await box.encrypt(PRIVATE_KEY_HEX))).toBe(PRIVATE_KEY_HEX);
  });

  it('fails with DECRYPTION_FAILED under another secret', () => {
    const sealed = createSecretBox(SECRET).seal(PRIVATE_KEY_HEX);
    expect(thrownCode(() => createSecretBox(OTHER_SECRET).open(sealed))).toBe('DECRYPTION_FAILED');
  });

  it('fails with DECRYPTION_FAILED on tampered ciphertext', () => {
    const box = createSecretBox(SECRET);
    const sealed = box.seal(PRIVATE_KEY_HEX);
    expect(thrownCode(() => box.open(tamper(sealed, 2)))).toBe('DECRYPTION_FAILED');
  });

  it('fails with DECRYPTION_FAILED on a tampered tag', () => {
    const box = createSecretBox(SECRET);
    expect(thrownCode(() => box.open(tamper(box.seal(PRIVATE_KEY_HEX), 3)))).toBe('DECRYPTION_FAILED');
  });

  it('fails with DECRYPTION_FAILED when moved to another row (associated data differs)', () => {
    const box = createSecretBox(SECRET);
    const sealed = box.seal(PRIVATE_KEY_HEX, 'alias-1');
    expect(thrownCode(() => box.open(sealed, 'alias-2'))).toBe('DECRYPTION_FAILED');
  });

  it('fails with DECRYPTION_FAILED on a malformed or unknown-version value', () => {
    const box = createSecretBox(SECRET);
    expect(thrownCode(() => box.open('not-a-box'))).toBe('DECRYPTION_FAILED');
    expect(thrownCode(() => box.open(box.seal('x').replace(/^v1/, 'v9')))).toBe('DECRYPTION_FAILED');
  });

  it('rejects a secret shorter than 32 characters', () => {
    expect(thrownCode(() => createSecretBox(SECRET.slice(0, 31)))).toBe('SECRET_INVALID');
  });

  it('rejects a long but repetitive secret', () => {
    expect(thrownCode(() => createSecretBox('changemechangemechangemechangeme'))).toBe('SECRET_INVALID');
  });
});
