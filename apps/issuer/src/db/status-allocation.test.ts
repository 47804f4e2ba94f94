import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityRecord } from './authorities.js';
import { releaseIndex } from './credential-status.js';
import type { IssuerDatabase } from './database.js';
import { isIssuerDbError } from './errors.js';
import { kthFreeIndex } from './free-index.js';
import { allocateStatusIndex } from './status-allocation.js';
import { listStatusLists } from './status-lists.js';
import { addAuthority, openMigrated } from './test-db.js';

let opened: IssuerDatabase;
let authority: AuthorityRecord;
const now = new Date('2026-01-01T00:00:00Z');

beforeEach(async () => {
  opened = await openMigrated();
  authority = await addAuthority(opened);
});
afterEach(() => opened.close());

const allocate = (credentialId: string, listSize = 16, random?: (max: number) => number) =>
  allocateStatusIndex(opened.db, {
    authorityId: authority.id,
    credentialId,
    listSize,
    now,
    ...(random ? { random } : {}),
  });

describe('kthFreeIndex', () => {
  it('skips taken indexes', () => {
    expect(kthFreeIndex([0, 1, 3], 0)).toBe(2);
    expect(kthFreeIndex([0, 1, 3], 1)).toBe(4);
    expect(kthFreeIndex([], 5)).toBe(5);
  });
});

describe('allocateStatusIndex', () => {
  it('makes a revocation and a suspension list of generation 0 on first use', async () => {
    const got = await allocate('urn:uuid:a');
    expect(got.generation).toBe(0);
    expect(got.revocation.purpose).toBe('revocation');
    expect(got.suspension.purpose).toBe('suspension');
    expect(got.revocation.id).not.toBe(got.suspension.id);
    expect(got.index).toBeGreaterThanOrEqual(0);
    expect(got.index).toBeLessThan(16);
  });

  it('fills a generation without a duplicate, then rolls over to the next', async () => {
    const seen = new Set<string>();
    for (let n = 0; n < 20; n++) {
      const got = await allocate(`urn:uuid:${n}`);
      seen.add(`${got.generation}:${got.index}`);
      if (n < 16) expect(got.generation).toBe(0);
      else expect(got.generation).toBe(1);
    }
    expect(seen.size).toBe(20);
    expect((await listStatusLists(opened.db)).length).toBe(4);
  });

  it('falls back to the free indexes when random probes keep missing', async () => {
    await allocate('urn:uuid:first', 16, () => 0);
    const got = await allocate('urn:uuid:second', 16, () => 0);
    expect(got.index).toBe(1);
  });

  it('finds the one free index of a list spanning several buckets, and rolls over after it', async () => {
    await allocate('urn:uuid:first', 4096, () => 0);
    const at = now.toISOString();
    const rows = Array.from({ length: 4096 }, (_, index) => index)
      .filter((index) => index !== 0 && index !== 3000)
      .map((index) => ({
        credential_id: `urn:uuid:fill-${index}`,
        authority_id: authority.id,
        generation: 0,
        list_index: index,
        revoked: 0,
        suspended: 0,
        changed_at: at,
      }));
    for (let start = 0; start < rows.length; start += 500) {
      await opened.db
        .insertInto('credential_status')
        .values(rows.slice(start, start + 500))
        .execute();
    }
    expect(await allocate('urn:uuid:last', 4096, () => 0)).toMatchObject({ generation: 0, index: 3000 });
    expect(await allocate('urn:uuid:next', 4096, () => 0)).toMatchObject({ generation: 1, index: 0 });
  });

  it('gives an index back on release, and the bucket count follows', async () => {
    await allocate('urn:uuid:kept', 16, () => 5);
    await allocate('urn:uuid:given-back', 16, () => 6);
    await releaseIndex(opened.db, 'urn:uuid:given-back');
    const bucket = await opened.db.selectFrom('status_index_buckets').select('taken').executeTakeFirst();
    expect(bucket?.taken).toBe(1);
    expect((await allocate('urn:uuid:again', 16, () => 6)).index).toBe(6);
  });

  it('never shares an index among parallel allocations', async () => {
    const all = await Promise.all(Array.from({ length: 40 }, (_, n) => allocate(`urn:uuid:p${n}`)));
    const keys = all.map((a) => `${a.generation}:${a.index}`);
    expect(new Set(keys).size).toBe(40);
  });

  it('CREDENTIAL_EXISTS for a credential that has an index', async () => {
    await allocate('urn:uuid:twice');
    const error = await allocate('urn:uuid:twice').catch((e: unknown) => e);
    expect(isIssuerDbError(error, 'CREDENTIAL_EXISTS')).toBe(true);
  });
});
