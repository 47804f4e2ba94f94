import type { Kysely } from 'kysely';
import { STATUS_BUCKET_BITS } from './migrations/0003-status-buckets.js';
import type { IssuerTables } from './schema.js';

/** Indexes per bucket when choosing among the free ones: 128 buckets for a list of 131072. */
const BUCKET_SIZE = 1 << STATUS_BUCKET_BITS;

/** The `k`-th (0-based) index of [0, size) that is not in `taken` (ascending). */
export function kthFreeIndex(taken: readonly number[], k: number): number {
  let index = k;
  for (const used of taken) {
    if (used > index) break;
    index++;
  }
  return index;
}

/** How many indexes of each bucket of a generation are taken (counts kept by triggers). */
async function takenPerBucket(
  db: Kysely<IssuerTables>,
  authorityId: string,
  generation: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('status_index_buckets')
    .select(['bucket', 'taken'])
    .where('authority_id', '=', authorityId)
    .where('generation', '=', generation)
    .execute();
  return new Map(rows.map((r) => [r.bucket, r.taken]));
}

/** The taken indexes of one bucket, ascending and relative to the bucket's start. */
async function takenInBucket(
  db: Kysely<IssuerTables>,
  authorityId: string,
  generation: number,
  bucket: number,
): Promise<number[]> {
  const start = bucket * BUCKET_SIZE;
  const rows = await db
    .selectFrom('credential_status')
    .select('list_index')
    .where('authority_id', '=', authorityId)
    .where('generation', '=', generation)
    .where('list_index', '>=', start)
    .where('list_index', '<', start + BUCKET_SIZE)
    .orderBy('list_index')
    .execute();
  return rows.map((r) => r.list_index - start);
}

/**
 * A free index chosen uniformly among all free indexes of a generation, or undefined when none is
 * free. Reads one count per bucket and the taken indexes of a single bucket, never the whole list.
 */
export async function uniformFreeIndex(
  db: Kysely<IssuerTables>,
  input: { authorityId: string; generation: number; size: number; random: (max: number) => number },
): Promise<number | undefined> {
  const counts = await takenPerBucket(db, input.authorityId, input.generation);
  let taken = 0;
  for (const n of counts.values()) taken += n;
  if (taken >= input.size) return undefined;
  let k = input.random(input.size - taken);
  for (let bucket = 0; bucket * BUCKET_SIZE < input.size; bucket++) {
    const capacity = Math.min(BUCKET_SIZE, input.size - bucket * BUCKET_SIZE);
    const free = capacity - (counts.get(bucket) ?? 0);
    if (k < free) {
      const inBucket = await takenInBucket(db, input.authorityId, input.generation, bucket);
      return bucket * BUCKET_SIZE + kthFreeIndex(inBucket, k);
    }
    k -= free;
  }
  return undefined;
}
