import { describe, expect, it } from 'vitest';
import { isoDateSchema } from '../dates.js';
import { isIsoDate } from './checks.js';
import { prng } from './mutate.js';

const CHARS = '0123456789-- /T٣x\n';

/** Date-like strings near the edges: every day of some years' months and the day after, odd characters. */
function dateCandidates(): string[] {
  const out = ['', '2024-02-29\n', '٢٠٢٤-02-29', '+02024-02-29', '2024-02-29T00:00:00Z', '2024-2-29'];
  for (const year of ['0000', '0099', '0100', '1900', '2000', '2023', '2024', '2100', '9999'])
    for (let month = 0; month <= 13; month++)
      for (const day of [0, 1, 28, 29, 30, 31, 32])
        out.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const random = prng(3);
  for (let i = 0; i < 5_000; i++) {
    const chars = [...'2024-02-29'];
    const at = Math.floor(random() * chars.length);
    chars[at] = CHARS[Math.floor(random() * CHARS.length)] ?? 'x';
    out.push(chars.join(''));
  }
  return out;
}

describe('isIsoDate', () => {
  it('answers as isoDateSchema does on edge dates and one-character changes', () => {
    const candidates = dateCandidates();
    const disagree = candidates.filter((d) => isIsoDate(d) !== isoDateSchema.safeParse(d).success);
    expect(disagree).toEqual([]);
    expect(candidates.filter((d) => isIsoDate(d)).length).toBeGreaterThan(300);
  });

  it('refuses what is not a string', () => {
    for (const odd of [20240229, null, undefined, ['2024-02-29'], new String('2024-02-29')])
      expect(isIsoDate(odd)).toBe(false);
  });
});
