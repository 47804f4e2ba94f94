import { describe, expect, it } from 'vitest';
import type { BulkAllocation, BulkStatusAllocator } from '../../db/bulk-status.js';
import { reserveAhead } from './reserve-ahead.js';

function fakeAllocator() {
  const calls: number[] = [];
  const released: string[] = [];
  const allocator: BulkStatusAllocator = {
    async allocate(ids) {
      calls.push(ids.length);
      return ids.map((credentialId, index) => ({ credentialId, index }) as unknown as BulkAllocation);
    },
    async release(ids) {
      released.push(...ids);
    },
  };
  return { allocator, calls, released };
}

describe('reserveAhead', () => {
  it('reserves for several chunks in one go and gives back what no chunk took', async () => {
    const { allocator, calls, released } = fakeAllocator();
    const reserved = reserveAhead(allocator, 10);
    const now = new Date();
    const taken = [...(await reserved.take(4, now)), ...(await reserved.take(4, now))];
    expect(calls).toEqual([10]);
    expect(new Set(taken.map((a) => a.credentialId)).size).toBe(8);
    await reserved.take(4, now);
    expect(calls).toEqual([10, 8]);
    await reserved.release();
    expect(released).toHaveLength(6);
    expect(taken.some((a) => released.includes(a.credentialId))).toBe(false);
  });

  it('reserves nothing for a chunk of replays only', async () => {
    const { allocator, calls } = fakeAllocator();
    expect(await reserveAhead(allocator, 10).take(0, new Date())).toEqual([]);
    expect(calls).toEqual([]);
  });
});
