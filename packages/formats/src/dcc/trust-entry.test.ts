import { describe, expect, it } from 'vitest';
import { prng } from '../../../schema/src/compiled/mutate.js';
import { base64Of } from './base64.js';
import { base64ByteLength, dccTrustEntrySchema } from './trust-entry.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('the DCC trust entry schema, without node buffers', () => {
  it('counts base64 bytes as node decodes them, with and without padding', () => {
    const random = prng(7);
    for (let i = 0; i < 3_000; i++) {
      const length = 1 + Math.floor(random() * 40);
      let text = '';
      for (let j = 0; j < length; j++) text += ALPHABET[Math.floor(random() * 64)];
      text += '='.repeat(Math.floor(random() * 3));
      expect([text, base64ByteLength(text)]).toEqual([text, Buffer.from(text, 'base64').length]);
    }
  });

  it('writes base64 as node does', () => {
    const random = prng(8);
    for (let i = 0; i < 500; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 20) }, () => Math.floor(random() * 256));
      expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('takes an 8-byte kid only', () => {
    const entry = { framework: 'dcc', country: 'AT', certificate: 'AAAA' };
    expect(dccTrustEntrySchema.safeParse({ ...entry, kid: 'AAAAAAAAAAA=' }).success).toBe(true);
    expect(dccTrustEntrySchema.safeParse({ ...entry, kid: 'AAAAAAAAAA==' }).success).toBe(false);
    expect(dccTrustEntrySchema.safeParse({ ...entry, kid: 'AAAAAAAAAAAAAA==' }).success).toBe(false);
  });
});
