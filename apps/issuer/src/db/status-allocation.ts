import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { reserveIndex, takenIndexes } from './credential-status.js';
import { IssuerDbError } from './errors.js';
import type { IssuerTables } from './schema.js';
import {
  createGeneration,
  currentGeneration,
  generationLists,
  type StatusListRecord,
} from './status-lists.js';

/** Random probes before choosing among the free indexes directly (a filling list makes probes miss). */
const RANDOM_PROBES = 8;
/** Rounds of the whole procedure before giving up: only lost races or rollovers start a new round. */
const MAX_ROUNDS = 32;

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
  let generation = await currentGeneration(db, input.authorityId);
  if (generation === undefined) {
    generation = 0;
    await createGeneration(db, { ...input, generation, size: input.listSize });
  }
  const { revocation, suspension } = await generationLists(db, input.authorityId, generation);
  if (!revocation || !suspension)
    throw new IssuerDbError('CORRUPT_ROW', 'a status list generation is incomplete');
  return { generation, revocation, suspension };
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
    const taken = await takenIndexes(db, input.authorityId, lists.generation);
    if (taken.length >= size) {
      await createGeneration(db, { ...input, generation: lists.generation + 1, size: input.listSize });
      continue;
    }
    const got = await attempt(kthFreeIndex(taken, random(size - taken.length)));
    if (got) return got;
  }
  throw new IssuerDbError('INVALID_ARGUMENT', 'no free status list index after repeated attempts');
}
