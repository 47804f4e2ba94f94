import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShcJws } from './jws.js';

// SMART Health Card example 00 (spec.smarthealth.cards, see test/vectors/shc/SOURCE.txt).
const jws = readFileSync(
  new URL('../../../../test/vectors/shc/example-00-d-jws.txt', import.meta.url),
  'utf8',
).trim();

describe('decodeShcJws', () => {
  it('hands out a header no caller can change for the next card of the same issuer', () => {
    const first = decodeShcJws(jws).header;
    first.kid = 'changed';
    first.extra = true;
    const second = decodeShcJws(jws).header;
    expect(second.kid).not.toBe('changed');
    expect(second.extra).toBeUndefined();
    expect(second).toEqual(JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString('utf8')));
  });
});
