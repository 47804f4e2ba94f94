import { describe, expect, it } from 'vitest';
import { p256Coordinate } from './trust.js';

const hex = (text: string) => Buffer.from(text, 'base64url').toString('hex');

describe('p256Coordinate', () => {
  it('writes a coordinate as the 32 bytes Web Crypto requires, as node:crypto reads it', () => {
    const full = Buffer.from(`00${'ab'.repeat(31)}`, 'hex').toString('base64url');
    const short = Buffer.from('ab'.repeat(31), 'hex').toString('base64url');
    const padded = Buffer.from(`0000${'ab'.repeat(31)}`, 'hex').toString('base64url');
    expect(p256Coordinate(full)).toBe(full);
    expect(hex(p256Coordinate(short))).toBe(hex(full));
    expect(hex(p256Coordinate(padded))).toBe(hex(full));
  });

  it('keeps a value wider than 32 bytes, for Web Crypto to refuse', () => {
    const wide = Buffer.from(`01${'ab'.repeat(32)}`, 'hex').toString('base64url');
    expect(p256Coordinate(wide)).toBe(wide);
  });
});
