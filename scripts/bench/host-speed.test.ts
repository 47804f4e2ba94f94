import { describe, expect, it } from 'vitest';
import { hostVerifyRate } from './host-speed.js';

describe('hostVerifyRate', () => {
  it('answers ES256 verifications a second over all its threads, measured for about the time asked', async () => {
    const started = Date.now();
    const rate = await hostVerifyRate(100, 2);
    const took = Date.now() - started;
    expect(Number.isInteger(rate)).toBe(true);
    // Any machine that runs the tests verifies more than 100 and fewer than 10 million a second.
    expect(rate).toBeGreaterThan(100);
    expect(rate).toBeLessThan(10_000_000);
    expect(took).toBeGreaterThanOrEqual(100);
    expect(took).toBeLessThan(5_000);
  });
});
