import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { IssuerDbError } from './errors.js';
import { uniformFreeIndex } from './free-index.js';
import { prepared } from './prepared.js';
import type { IssuerTables } from './schema.js';
import { createGeneration, type StatusListPurpose } from './status-lists.js';

/** Random probes before choosing among the free indexes directly (a filling list makes probes miss). */
const RANDOM_PROBES = 8;
/** Rounds before giving up: only rollovers (and lists made concurrently) start a new round. */
const MAX_ROUNDS = 32;

/** A free index of an authority's current lists, and those lists' ids. */
export interface ChosenIndex {
  generation: number;
  index: number;
  listIds: Record<StatusListPurpose, string>;
}

interface ListRow {
  id: string;
  generation: number;
  purpose: StatusListPurpose;
  size: number;
}

const CURRENT_LISTS =
  'SELECT id, generation, purpose, size FROM status_lists WHERE authority_id = @authority AND generation = (SELECT max(generation) FROM status_lists WHERE authority_id = @authority)';
const INDEX_TAKEN =
  'SELECT 1 FROM credential_status WHERE authority_id = ? AND generation = ? AND list_index = ?';

function currentLists(db: Kysely<IssuerTables>, authorityId: string) {
  const rows = prepared(db, CURRENT_LISTS).all({ authority: authorityId }) as ListRow[];
  const revocation = rows.find((r) => r.purpose === 'revocation');
  const suspension = rows.find((r) => r.purpose === 'suspension');
  if (rows.length === 0) return undefined;
  if (!revocation || !suspension)
    throw new IssuerDbError('CORRUPT_ROW', 'a status list generation is incomplete');
  return { generation: revocation.generation, size: revocation.size, revocation, suspension };
}

/**
 * Chooses a random free index of an authority's current status lists (herd privacy: any free index
 * is as likely as any other) without taking it: the index is taken when the signed credential is
 * recorded (`recordIssued`), which answers `index-taken` if another credential got there first. A
 * few random probes first; when they miss, a uniform choice among the free indexes; when none is
 * free, a new generation (the first one too).
 */
export async function chooseStatusIndex(
  db: Kysely<IssuerTables>,
  input: { authorityId: string; listSize: number; now: Date; random?: (max: number) => number },
): Promise<ChosenIndex> {
  const random = input.random ?? randomInt;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lists = currentLists(db, input.authorityId);
    if (lists === undefined) {
      await createGeneration(db, { ...input, generation: 0, size: input.listSize });
      continue;
    }
    const { generation, size } = lists;
    const chosen = (index: number): ChosenIndex => ({
      generation,
      index,
      listIds: { revocation: lists.revocation.id, suspension: lists.suspension.id },
    });
    const taken = prepared(db, INDEX_TAKEN);
    for (let probe = 0; probe < RANDOM_PROBES; probe++) {
      const index = random(size);
      if (taken.get(input.authorityId, generation, index) === undefined) return chosen(index);
    }
    const free = await uniformFreeIndex(db, { authorityId: input.authorityId, generation, size, random });
    if (free !== undefined) return chosen(free);
    await createGeneration(db, { ...input, generation: generation + 1, size: input.listSize });
  }
  throw new IssuerDbError('INVALID_ARGUMENT', 'no free status list index after repeated attempts');
}
