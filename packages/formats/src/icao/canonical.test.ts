import { readFileSync } from 'node:fs';
import canonicalizeModule from 'canonicalize';
import { describe, expect, it } from 'vitest';
// The seeded mutator of the schema package's compiled checks (a test helper, not public API).
import { mutations } from '../../../schema/src/compiled/mutate.js';
import { canonicalJsonBytes } from './canonical.js';

const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;
const VECTORS = new URL('../../../../test/vectors/icao-vds-nc/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, VECTORS), 'utf8'));
const aus = read('aus-apo-vdsnc-test-vectors.json') as {
  validVds: unknown;
  expectedCanonicalVdsString?: string;
};
const seeds = [aus.validVds, read('vaccination_example.json'), read('testing_example.json')];

const decoder = new TextDecoder();
const textOf = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : decoder.decode(bytes));

/** What `canonicalize` makes of the value, undefined where it throws. */
function reference(value: unknown): string | undefined {
  try {
    return canonicalize(value);
  } catch {
    return undefined;
  }
}

describe('canonical JSON of parsed seals (RFC 8785)', () => {
  it('matches canonicalize on the seeds and on 3,000 mutated seals', () => {
    const values = [...seeds, ...mutations(seeds, 3_000, 5)].map((v) => JSON.parse(JSON.stringify(v)));
    for (const value of values) expect(textOf(canonicalJsonBytes(value))).toBe(reference(value));
  });

  it('orders member names by UTF-16 code units, integer-like names included', () => {
    const value = JSON.parse('{"b":1,"10":2,"9":3,"a":[{"é":1,"z":2,"\\ud83d\\ude00":3,"\\uff61":4}]}');
    expect(textOf(canonicalJsonBytes(value))).toBe(reference(value));
    expect(textOf(canonicalJsonBytes(value))).toBe('{"10":2,"9":3,"a":[{"z":2,"é":1,"😀":3,"｡":4}],"b":1}');
  });

  it('writes numbers and strings as RFC 8785 does', () => {
    const value = JSON.parse('[1e21,1e-7,-0,0.1,123456789012345680000,"\\u0007\\u2028","\\ud800",true,null]');
    expect(textOf(canonicalJsonBytes(value))).toBe(reference(value));
  });

  it('keeps an own __proto__ member, as canonicalize does', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"a":2}');
    expect(textOf(canonicalJsonBytes(value))).toBe('{"__proto__":{"x":1},"a":2}');
    expect(textOf(canonicalJsonBytes(value))).toBe(reference(value));
  });

  it('has no canonical form for a number beyond the double range', () => {
    const value = JSON.parse('{"a":1e400}');
    expect(reference(value)).toBeUndefined();
    expect(canonicalJsonBytes(value)).toBeUndefined();
  });
});
