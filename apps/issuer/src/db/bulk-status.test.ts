import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityRecord } from './authorities.js';
import { createBulkStatusAllocator } from './bulk-status.js';
import type { IssuerDatabase } from './database.js';
import { allocateStatusIndex } from './status-allocation.js';
import { listStatusLists } from './status-lists.js';
import { addAuthority, openMigrated } from './test-db.js';

let opened: IssuerDatabase;
let authority: AuthorityRecord;
const now = new Date('2026-01-01T00:00:00Z');
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `urn:uuid:${prefix}-${i}`);

beforeEach(async () => {
  opened = await openMigrated();
  authority = await addAuthority(opened);
});
afterEach(() => opened.close());

const rows = () =>
  opened.db.selectFrom('credential_status').select(['credential_id', 'generation', 'list_index']).execute();

describe('createBulkStatusAllocator', () => {
  it('gives every credential its own index and rolls over to new generations when one is full', async () => {
    const allocator = createBulkStatusAllocator(opened.db, { authorityId: authority.id, listSize: 16 });
    const got = await allocator.allocate(ids('a', 40), now);
    expect(got).toHaveLength(40);
    const stored = await rows();
    expect(new Set(stored.map((r) => `${r.generation}:${r.list_index}`)).size).toBe(40);
    expect(new Set(stored.map((r) => r.generation))).toEqual(new Set([0, 1, 2]));
    expect((await listStatusLists(opened.db)).length).toBe(6);
    const index0 = got.find((a) => a.credentialId === 'urn:uuid:a-0');
    expect(index0?.revocation.generation).toBe(0);
  });

  it('picks around an index the single path took after the bitmap was read', async () => {
    const allocator = createBulkStatusAllocator(opened.db, {
      authorityId: authority.id,
      listSize: 16,
      random: (() => {
        const sequence = [3, 4, 5];
        return () => sequence.shift() ?? 9;
      })(),
    });
    await allocator.allocate(ids('first', 1), now); // index 3, bitmap loaded
    await allocateStatusIndex(opened.db, {
      authorityId: authority.id,
      credentialId: 'urn:uuid:single',
      listSize: 16,
      now,
      random: () => 4,
    });
    const [second] = await allocator.allocate(ids('second', 1), now);
    expect(second?.index).not.toBe(4);
    const stored = await rows();
    expect(new Set(stored.map((r) => r.list_index)).size).toBe(stored.length);
  });

  it('gives released indexes back', async () => {
    const allocator = createBulkStatusAllocator(opened.db, { authorityId: authority.id, listSize: 16 });
    await allocator.allocate(ids('r', 5), now);
    await allocator.release(ids('r', 5).slice(0, 2));
    expect((await rows()).map((r) => r.credential_id).sort()).toEqual(ids('r', 5).slice(2).sort());
  });
});
