import { exampleTravelCardInput } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { surelyFitsJson } from './json-size.js';

const lengthOf = (value: unknown) => JSON.stringify(value)?.length ?? 0;

describe('surelyFitsJson', () => {
  it('is never true for data whose JSON is longer than the bound, or that JSON.stringify refuses', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const samples: unknown[] = [
      exampleTravelCardInput,
      'x'.repeat(100),
      '\u0001'.repeat(100),
      '\ud800'.repeat(50),
      [1, -1.2345678901234567e-308, null, true, undefined, () => 1],
      { a: { b: { c: ['d', { e: 'é' }] } } },
      cyclic,
      { n: 10n },
      new Date(0),
      { toJSON: () => 'x'.repeat(1000) },
      Object.create({ inherited: 'x'.repeat(1000) }),
    ];
    for (const sample of samples) {
      for (const max of [10, 50, 200, 600, 5000]) {
        if (!surelyFitsJson(sample, max)) continue;
        expect(() => JSON.stringify(sample)).not.toThrow();
        expect(lengthOf(sample)).toBeLessThanOrEqual(max);
      }
    }
  });

  it('settles ordinary credential data without the exact measure', () => {
    expect(surelyFitsJson(exampleTravelCardInput, 32_768)).toBe(true);
  });

  it('gives up on data nested past its depth', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(surelyFitsJson(deep, 32_768)).toBe(false);
  });
});
