import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitText, MIN_SCALE, runsWidth } from './fit-text.js';

/** A font whose every code point is half the size wide, in one run. */
const mono = { widthOfTextAtSize: (text: string, size: number) => [...text].length * size * 0.5 };
const layout = async (text: string) => [{ text, font: mono }];

describe('fitText', () => {
  it('leaves text that fits as it is', async () => {
    // 20 code points at 10 pt: 100 pt wide.
    expect(await fitText('a'.repeat(20), 10, 100, layout)).toEqual({
      runs: [{ text: 'a'.repeat(20), font: mono }],
      size: 10,
    });
  });

  it('shrinks text a little too wide until it fills the width', async () => {
    const { runs, size } = await fitText('a'.repeat(25), 10, 100, layout);
    expect(size).toBe(8);
    expect(runs.map((r) => r.text).join('')).toBe('a'.repeat(25));
  });

  it('cuts text far too wide at the smallest size, after the last cluster that fits', async () => {
    const { runs, size } = await fitText('a'.repeat(200), 10, 100, layout);
    expect(size).toBe(10 * MIN_SCALE);
    // 100 pt at 3.5 pt a letter: 28 code points, the ellipsis one of them.
    expect(runs.map((r) => r.text).join('')).toBe(`${'a'.repeat(27)}${ELLIPSIS}`);
    expect(runsWidth(runs, size)).toBeLessThanOrEqual(100);
  });

  it('cuts between clusters, never between a consonant and its marks', async () => {
    // ปู่ is three code points, one cluster: 10.5 pt at the smallest size.
    const { runs } = await fitText('ปู่'.repeat(30), 10, 100, layout);
    const shown = runs.map((r) => r.text).join('');
    expect(shown).toBe(`${'ปู่'.repeat(9)}${ELLIPSIS}`);
  });

  it('drops the space before the ellipsis', async () => {
    const { runs } = await fitText(`${'a'.repeat(26)} ${'b'.repeat(100)}`, 10, 100, layout);
    expect(runs.map((r) => r.text).join('')).toBe(`${'a'.repeat(26)}${ELLIPSIS}`);
  });
});
