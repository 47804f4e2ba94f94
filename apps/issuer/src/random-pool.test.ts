import { describe, expect, it } from 'vitest';
import { randomBytesPooled } from './random-pool.js';

describe('randomBytesPooled', () => {
  it('answers buffers of the asked length that do not share memory', () => {
    const a = randomBytesPooled(16);
    const b = randomBytesPooled(16);
    expect(a).toHaveLength(16);
    expect(b).toHaveLength(16);
    const kept = Buffer.from(b);
    a.fill(0);
    expect(b).toEqual(kept);
    // Later draws wipe and refill the block: what was handed out is a copy and stays as it was.
    for (let i = 0; i < 600; i++) randomBytesPooled(16);
    expect(b).toEqual(kept);
  });

  it('never answers the same bytes twice across refills of its block', () => {
    const seen = new Set<string>();
    // 4096-byte blocks: 2,000 draws of 12 bytes cross five refills.
    for (let i = 0; i < 2000; i++) seen.add(randomBytesPooled(12).toString('hex'));
    expect(seen.size).toBe(2000);
  });

  it('answers large draws too', () => {
    expect(randomBytesPooled(100)).toHaveLength(100);
    expect(randomBytesPooled(0)).toHaveLength(0);
  });
});
