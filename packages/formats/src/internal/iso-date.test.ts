import { describe, expect, it } from 'vitest';
// The seeded PRNG of the schema package's compiled checks (a test helper, not public API).
import { prng } from '../../../schema/src/compiled/mutate.js';
import { isoString } from './iso-date.js';

const dateOf = (ms: number): string => {
  try {
    return new Date(ms).toISOString();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};
const oursOf = (ms: number): string => {
  try {
    return isoString(ms);
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

describe('isoString', () => {
  it('answers as Date#toISOString on 200,000 instants, edges and fractions included', () => {
    const random = prng(9);
    const edges = [
      0,
      1,
      -1,
      0.5,
      -0.5,
      999.9,
      86_399_999,
      86_400_000,
      951_782_400_000,
      4_107_542_400_000,
      253_402_300_799_999,
      253_402_300_800_000,
      8.64e15,
      8.64e15 + 1,
      -8.64e15,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1_620_237_600_000,
    ];
    const values = [...edges];
    for (let i = 0; i < 100_000; i++) values.push(Math.floor(random() * 253_402_300_800_000));
    for (let i = 0; i < 50_000; i++) values.push(Math.floor(random() * 4_102_444_800) * 1000);
    for (let i = 0; i < 50_000; i++) values.push((random() - 0.2) * 4e12);
    const wrong = values.filter((ms) => oursOf(ms) !== dateOf(ms));
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
