import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url.js';

describe('encodeBase64url', () => {
  it('writes what Node writes, for every length up to 20 and any prefix of it', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => (i * 97 + 13) % 256);
    for (let length = 0; length <= bytes.length; length++) {
      const view = bytes.subarray(0, length);
      expect(encodeBase64url(view)).toBe(Buffer.from(view).toString('base64url'));
      for (let end = 0; end <= length; end++)
        expect(encodeBase64url(view, end)).toBe(Buffer.from(view.subarray(0, end)).toString('base64url'));
    }
  });
});
