import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45.js';
import { thrownCode as codeOf } from './fixtures.js';

const ascii = (text: string) => Buffer.from(text, 'ascii');

describe('base45 (RFC 9285)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
    ['', ''],
  ])('encodes the RFC example %j as %j and back', (plain, encoded) => {
    expect(encodeBase45(ascii(plain))).toBe(encoded);
    expect(Buffer.from(decodeBase45(encoded)).toString('ascii')).toBe(plain);
  });

  it('round-trips random bytes of every small length', () => {
    for (let length = 0; length < 64; length++) {
      const bytes = randomBytes(length);
      expect(Buffer.from(decodeBase45(encodeBase45(bytes)))).toEqual(bytes);
    }
  });

  it('never ends an encoding with a space, so trimming scanned text is safe', () => {
    const endingInSpace: number[] = [];
    for (let n = 0; n < 0x10000; n++) {
      if (encodeBase45(Uint8Array.of(n >> 8, n & 0xff)).endsWith(' ')) endingInSpace.push(n);
      if (n < 0x100 && encodeBase45(Uint8Array.of(n)).endsWith(' ')) endingInSpace.push(-n);
    }
    expect(endingInSpace).toEqual([]);
  });

  it('decodes the largest triplet FGW to 0xffff', () => {
    expect(Array.from(decodeBase45('FGW'))).toEqual([0xff, 0xff]);
  });

  it('refuses a triplet above 65535', () => {
    expect(codeOf(() => decodeBase45('GGW'))).toBe('INVALID_BASE45');
  });

  it('refuses a final pair above 255', () => {
    expect(codeOf(() => decodeBase45('::'))).toBe('INVALID_BASE45');
  });

  it('refuses a length of 3k+1', () => {
    expect(codeOf(() => decodeBase45('BB8B'))).toBe('INVALID_BASE45');
  });

  it('refuses a lowercase letter', () => {
    expect(codeOf(() => decodeBase45('bb8'))).toBe('INVALID_BASE45');
  });

  it('refuses a character outside the alphabet', () => {
    expect(codeOf(() => decodeBase45('B#8'))).toBe('INVALID_BASE45');
  });
});
