import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
// The seeded mutator of the schema package's compiled checks (a test helper, not public API).
import { mutations } from '../../../schema/src/compiled/mutate.js';
import { shcClaimsSchema } from './claims.js';
import { isShcClaimsAsIs } from './claims-compiled.js';
import { decodeShcJws } from './jws.js';

// SMART Health Card examples (spec.smarthealth.cards, see test/vectors/shc/SOURCE.txt).
const VECTORS = new URL('../../../../test/vectors/shc/', import.meta.url);
const payloadOf = (n: string) =>
  decodeShcJws(readFileSync(new URL(`example-${n}-d-jws.txt`, VECTORS), 'utf8').trim()).payload;
const seeds = ['00', '01', '02', '03'].map(payloadOf);
const withRid = seeds.map((s) => ({ ...s, vc: { ...(s.vc as object), rid: 'AbC_1-2' } }));

function holdsUndefined(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((v) => v === undefined || holdsUndefined(v));
}

/** zod accepts the value and answers it unchanged. */
function zodAsIs(value: unknown): boolean {
  const parsed = shcClaimsSchema.safeParse(value);
  return parsed.success && isDeepStrictEqual(parsed.data, value);
}

describe('compiled SMART Health Card claims check', () => {
  it('accepts the spec examples as they are', () => {
    for (const seed of [...seeds, ...withRid])
      expect([zodAsIs(seed), isShcClaimsAsIs(seed)]).toEqual([true, true]);
  });

  // Sound always (true only where zod answers the value unchanged); exact on JSON data (no undefined).
  it('agrees with zod on 2,000 mutated claims, and both sides occur', () => {
    const values = mutations([...seeds, ...withRid], 2_000, 11);
    let accepted = 0;
    const disagreements: unknown[] = [];
    for (const value of values) {
      const expected = zodAsIs(value);
      const compiled = isShcClaimsAsIs(value);
      if (compiled ? !expected : expected && !holdsUndefined(value)) disagreements.push({ compiled, value });
      if (expected) accepted++;
    }
    expect(disagreements.length, JSON.stringify(disagreements[0])?.slice(0, 2000)).toBe(0);
    expect(accepted).toBeGreaterThan(300);
    expect(values.length - accepted).toBeGreaterThan(300);
  });
});
