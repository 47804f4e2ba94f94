import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, withinJsonDepth } from './json-depth.js';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('withinJsonDepth', () => {
  it('takes scalars and data up to the bound, counting arrays and objects alike', () => {
    expect(withinJsonDepth('text')).toBe(true);
    expect(withinJsonDepth(null)).toBe(true);
    expect(withinJsonDepth(nested(MAX_JSON_DEPTH))).toBe(true);
    expect(withinJsonDepth({ a: [{ b: [1] }] }, 4)).toBe(true);
    expect(withinJsonDepth({ a: [{ b: [1] }] }, 3)).toBe(false);
  });

  it('refuses data past the bound, even far past it, without overflowing the stack', () => {
    expect(withinJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(false);
    expect(withinJsonDepth(nested(100_000))).toBe(false);
    expect(withinJsonDepth({ ok: 1, deep: nested(10_000) })).toBe(false);
  });
});
