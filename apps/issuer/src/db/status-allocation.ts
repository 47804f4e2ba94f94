import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { reserveIndex } from './credential-status.js';
import { IssuerDbError } from './errors.js';
import { STATUS_BUCKET_BITS } from './migrations/0003-status-buckets.js';
import type { IssuerTables } from './schema.js';
import {
  createGeneration,
  currentGenerationLists,
  generationLists,
  type StatusListRecord,
} from './status-lists.js';

/** Random probes before choosing among the free indexes directly (a filling list makes probes miss). */
const RANDOM_PROBES = 8;
/** Rounds of the whole procedure before giving up: only lost races or rollovers start a new round. */
const MAX_ROUNDS = 32;

/** Indexes per bucket when choosing among the free ones: 128 buckets for a list of 131072. */
const BUCKET_SIZE = 1 << STATUS_BUCKET_BITS;

/** The index a credential got, and the two lists (same generation) it sits in. */
export interface AllocatedStatus {
  generation: number;
  index: number;
  revocation: StatusListRecord;
  suspension: StatusListRecord;
}

/** What {@link allocateStatusIndex} needs. */
export interface AllocationInput {
  authorityId: string;
  credentialId: string;
  /** Size of a new generation's lists; an existing generation keeps the size it was made with. */
  listSize: number;
  now: Date;
  /** Uniform integer in [0, max); a CSPRNG by default, so indexes say nothing about issuance order. */
  random?: (max: number) => number;
}

/** The `k`-th (0-based) index of [0, size) that is not in `taken` (ascending). */
export function kthFreeIndex(taken: readonly number[], k: number): number {
  let index = k;
  for (const used of taken) {
    if (used > index) break;
    index++;
  }
  return index;
}

async function listsOf(
  db: Kysely<IssuerTables>,
  input: AllocationInput,
): Promise<{ generation: number; revocation: StatusListRecord; suspension: StatusListRecord }> {
  let current = await currentGenerationLists(db, input.authorityId);
  if (current === undefined) {
    await createGeneration(db, { ...input, generation: 0, size: input.listSize });
    current = {
      generation: 0,
      lists: await generationLists(db, input.authorityId, 0, { withSigned: false }),
    };
  }
  const { generation } = current;
  const { revocation, suspension } = current.lists;
  if (!revocation || !suspension)
    throw new IssuerDbError('CORRUPT_ROW', 'a status list generation is incomplete');
  return { generation, revocation, suspension };
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

/**
 * Gives a credential a random free index in the current generation of its authority's status lists
 * (herd privacy: any index is as likely as any other). A few random probes first; when they miss, a
 * uniform choice among the free indexes; when none is free, a new generation. The unique constraint on
 * `(authority, generation, index)` settles concurrent callers: the loser tries again.
 *
 * @throws IssuerDbError `CREDENTIAL_EXISTS` when the credential already has an index
 */
export async function allocateStatusIndex(
  db: Kysely<IssuerTables>,
  input: AllocationInput,
): Promise<AllocatedStatus> {
  const random = input.random ?? randomInt;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lists = await listsOf(db, input);
    const { size } = lists.revocation;
    const attempt = async (index: number): Promise<AllocatedStatus | undefined> =>
      (await reserveIndex(db, { ...input, generation: lists.generation, index }))
        ? { ...lists, index }
        : undefined;
    for (let probe = 0; probe < RANDOM_PROBES; probe++) {
      const got = await attempt(random(size));
      if (got) return got;
    }
    const free = await uniformFreeIndex(db, { ...input, generation: lists.generation, size, random });
    if (free === undefined) {
      await createGeneration(db, { ...input, generation: lists.generation + 1, size: input.listSize });
      continue;
    }
    const got = await attempt(free);
    if (got) return got;
  }
  throw new IssuerDbError('INVALID_ARGUMENT', 'no free status list index after repeated attempts');
}
