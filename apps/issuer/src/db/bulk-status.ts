import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { IssuerDbError } from './errors.js';
import { prepared, sqliteHandle, whenConnectionFree } from './prepared.js';
import type { IssuerTables } from './schema.js';
import {
  createGeneration,
  currentGeneration,
  generationLists,
  type StatusListRecord,
} from './status-lists.js';

/** Rounds before giving up: only rows another writer took in the meantime or rollovers start a new one. */
const MAX_ROUNDS = 32;
/** Ids per lookup statement. */
const IDS_PER_STATEMENT = 500;

const INSERT_STATUS =
  'INSERT INTO credential_status (credential_id, authority_id, generation, list_index, revoked, suspended, changed_at) VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT DO NOTHING';
const DELETE_STATUS = 'DELETE FROM credential_status WHERE credential_id = ?';

/** A credential and the index picked for it. */
interface Pick {
  id: string;
  index: number;
}

/** The index one credential got, and the two lists (same generation) it sits in. */
export interface BulkAllocation {
  credentialId: string;
  index: number;
  revocation: StatusListRecord;
  suspension: StatusListRecord;
}

/** What {@link createBulkStatusAllocator} needs. */
export interface BulkAllocatorInput {
  authorityId: string;
  /** Size of a new generation's lists; an existing generation keeps the size it was made with. */
  listSize: number;
  /** Uniform integer in [0, max); a CSPRNG by default, so indexes say nothing about issuance order. */
  random?: (max: number) => number;
}

/** The current generation of one authority as the allocator sees it: which indexes are taken. */
interface Generation {
  generation: number;
  revocation: StatusListRecord;
  suspension: StatusListRecord;
  taken: Uint8Array;
  free: number;
}

/** Reserves status indexes for many credentials at a time. */
export interface BulkStatusAllocator {
  /**
   * Gives each credential a random free index (uniform among the free ones, as the single path does)
   * and records it, a few statements for the whole list instead of several per credential.
   */
  allocate(credentialIds: readonly string[], now: Date): Promise<BulkAllocation[]>;
  /** Gives back the indexes of credentials that were never recorded (refused or failed items). */
  release(credentialIds: readonly string[]): Promise<void>;
}

async function loadGeneration(
  db: Kysely<IssuerTables>,
  input: BulkAllocatorInput,
  now: Date,
): Promise<Generation> {
  let generation = await currentGeneration(db, input.authorityId);
  if (generation === undefined) {
    generation = 0;
    await createGeneration(db, { authorityId: input.authorityId, generation, size: input.listSize, now });
  }
  const { revocation, suspension } = await generationLists(db, input.authorityId, generation, {
    withSigned: false,
  });
  if (!revocation || !suspension)
    throw new IssuerDbError('CORRUPT_ROW', 'a status list generation is incomplete');
  const taken = new Uint8Array(Math.ceil(revocation.size / 8));
  const rows = await db
    .selectFrom('credential_status')
    .select('list_index')
    .where('authority_id', '=', input.authorityId)
    .where('generation', '=', generation)
    .execute();
  for (const { list_index: i } of rows) taken[i >> 3] = (taken[i >> 3] ?? 0) | (1 << (i & 7));
  return { generation, revocation, suspension, taken, free: revocation.size - rows.length };
}

/** A uniformly random free index (rejection sampling over the bitmap), marked taken. */
function takeFree(gen: Generation, random: (max: number) => number): number {
  for (;;) {
    const i = random(gen.revocation.size);
    const byte = gen.taken[i >> 3] ?? 0xff;
    if ((byte & (1 << (i & 7))) === 0) {
      gen.taken[i >> 3] = byte | (1 << (i & 7));
      gen.free--;
      return i;
    }
  }
}

/**
 * A status index allocator for one authority's bulk issuance. It keeps the current generation's taken
 * indexes as a bitmap (read once per generation), picks indexes in memory and inserts them with
 * `ON CONFLICT DO NOTHING`: the unique constraint still settles a race with another writer (the single
 * issuance path or another batch), whose rows the allocator then reads and picks around.
 */
export function createBulkStatusAllocator(
  db: Kysely<IssuerTables>,
  input: BulkAllocatorInput,
): BulkStatusAllocator {
  const random = input.random ?? randomInt;
  let current: Generation | undefined;
  let releases: ((ids: readonly string[]) => void) | undefined;

  function releaseAll(): (ids: readonly string[]) => void {
    releases ??= sqliteHandle(db).transaction((ids: readonly string[]) => {
      const statement = prepared(db, DELETE_STATUS);
      for (const id of ids) statement.run(id);
    });
    return releases;
  }

  type InsertAll = (picks: Pick[], generation: number, changedAt: string) => number;
  let inserts: InsertAll | undefined;

  /** The picks' rows in one transaction, each `ON CONFLICT DO NOTHING`; answers how many went in. */
  function insertAll(): InsertAll {
    inserts ??= sqliteHandle(db).transaction((picks: Pick[], generation: number, changedAt: string) => {
      const statement = prepared(db, INSERT_STATUS);
      let inserted = 0;
      for (const p of picks) {
        inserted += statement.run(p.id, input.authorityId, generation, p.index, changedAt).changes;
      }
      return inserted;
    });
    return inserts;
  }

  async function insert(gen: Generation, picks: Pick[], now: Date) {
    const run = insertAll();
    const inserted = await whenConnectionFree(db, () => run(picks, gen.generation, now.toISOString()));
    if (inserted === picks.length) return new Set(picks.map((p) => p.id));
    return stored(gen, picks);
  }

  /** Which picks hold the index they were given (the others lost it to another writer). */
  async function stored(gen: Generation, picks: Pick[]): Promise<Set<string>> {
    const held = new Set<string>();
    for (let start = 0; start < picks.length; start += IDS_PER_STATEMENT) {
      const part = picks.slice(start, start + IDS_PER_STATEMENT);
      const rows = await db
        .selectFrom('credential_status')
        .select(['credential_id', 'generation', 'list_index'])
        .where(
          'credential_id',
          'in',
          part.map((p) => p.id),
        )
        .execute();
      const want = new Map(part.map((p) => [p.id, p.index]));
      for (const row of rows) {
        if (row.generation !== gen.generation || want.get(row.credential_id) !== row.list_index) {
          throw new IssuerDbError('CREDENTIAL_EXISTS', 'a credential with this id exists');
        }
        held.add(row.credential_id);
      }
    }
    return held;
  }

  return {
    async allocate(credentialIds, now) {
      const out: BulkAllocation[] = [];
      let pending = [...credentialIds];
      for (let round = 0; pending.length > 0; round++) {
        if (round >= MAX_ROUNDS) {
          throw new IssuerDbError('INVALID_ARGUMENT', 'no free status list index after repeated attempts');
        }
        current ??= await loadGeneration(db, input, now);
        const gen = current;
        const picks = pending.slice(0, gen.free).map((id) => ({ id, index: takeFree(gen, random) }));
        const held = picks.length > 0 ? await insert(gen, picks, now) : new Set<string>();
        for (const p of picks) {
          if (held.has(p.id)) {
            out.push({
              credentialId: p.id,
              index: p.index,
              revocation: gen.revocation,
              suspension: gen.suspension,
            });
          }
        }
        pending = pending.filter((id) => !held.has(id));
        if (held.size < picks.length) current = undefined;
        else if (gen.free === 0 && pending.length > 0) {
          const next = { authorityId: input.authorityId, size: input.listSize, now };
          await createGeneration(db, { ...next, generation: gen.generation + 1 });
          current = undefined;
        }
      }
      return out;
    },
    async release(credentialIds) {
      // The bitmap keeps them marked: conservative (never hands out a taken index), and a rollover
      // a few indexes early costs nothing, where reloading the bitmap would cost a read of the list.
      const run = releaseAll();
      await whenConnectionFree(db, () => run(credentialIds));
    },
  };
}
