import { randomUUID } from 'node:crypto';
import type { BulkAllocation, BulkStatusAllocator } from '../../db/bulk-status.js';

/** Credentials whose status indexes are reserved in one transaction, ahead of the chunks using them. */
export const RESERVE_AHEAD = 500;

/** Fresh credential ids with their status indexes, reserved ahead. */
export interface Reservations {
  /** `count` fresh ids, each with its reserved index, reserving more when too few are left. */
  take(count: number, now: Date): Promise<BulkAllocation[]>;
  /** Gives back the indexes no chunk took. */
  release(): Promise<void>;
}

/**
 * Reserves status indexes for `size` credentials at a time, so that chunks smaller than that (which keep
 * the batch's memory low) do not each pay a reservation transaction: a transaction of more rows shares
 * more of the random-key index pages it writes. The ids are drawn here, as the indexes go with them.
 */
export function reserveAhead(allocator: BulkStatusAllocator, size = RESERVE_AHEAD): Reservations {
  const ahead: BulkAllocation[] = [];
  return {
    async take(count, now) {
      if (ahead.length < count) {
        const more = Math.max(size, count) - ahead.length;
        const ids = Array.from({ length: more }, () => `urn:uuid:${randomUUID()}`);
        ahead.push(...(await allocator.allocate(ids, now)));
      }
      return ahead.splice(0, count);
    },
    async release() {
      const unused = ahead.splice(0).map((a) => a.credentialId);
      if (unused.length > 0) await allocator.release(unused);
    },
  };
}
