import { describe, expect, it } from 'vitest';
import { thrownCode as codeOf } from './fixtures.js';
import { decodeVarint, encodeVarint } from './varint.js';

describe('varint', () => {
  it.each([0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 21 - 1])('round-trips %d', (value) => {
    const bytes = encodeVarint(value);
    expect(decodeVarint(bytes, 0)).toEqual({ value, next: bytes.length });
  });

  it('uses one byte below 128', () => {
    expect(Array.from(encodeVarint(100))).toEqual([100]);
  });

  it('refuses to encode 2^21', () => {
    expect(codeOf(() => encodeVarint(2 ** 21))).toBe('INVALID_ARGUMENT');
  });

  it('refuses a varint that runs past the end', () => {
    expect(codeOf(() => decodeVarint(Uint8Array.of(0x80), 0))).toBe('DECODING_FAILED');
  });

  it('refuses a padded varint', () => {
    expect(codeOf(() => decodeVarint(Uint8Array.of(0x81, 0x00), 0))).toBe('DECODING_FAILED');
  });

  it('refuses a varint longer than three bytes', () => {
    expect(codeOf(() => decodeVarint(Uint8Array.of(0x80, 0x80, 0x80, 0x01), 0))).toBe('DECODING_FAILED');
  });
});
