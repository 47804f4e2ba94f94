import { describe, expect, it } from 'vitest';
import { APEC_ECONOMIES, apecAlpha3Schema, findApecEconomy } from './economies.js';

describe('APEC economies', () => {
  it('lists the 21 members once each', () => {
    expect(APEC_ECONOMIES).toHaveLength(21);
    expect(new Set(APEC_ECONOMIES.map((e) => e.alpha3)).size).toBe(21);
    expect(new Set(APEC_ECONOMIES.map((e) => e.alpha2)).size).toBe(21);
  });
  it('uses APEC names', () => {
    expect(findApecEconomy('TWN')?.name).toBe('Chinese Taipei');
    expect(findApecEconomy('hk')?.name).toBe('Hong Kong, China');
  });
  it('refuses a non-member', () => expect(apecAlpha3Schema.safeParse('DEU').success).toBe(false));
});
