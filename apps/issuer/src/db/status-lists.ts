import type { Kysely, Selectable } from 'kysely';
import { IssuerDbError } from './errors.js';
import type { IssuerTables, StatusListsTable } from './schema.js';

/** What a status list says about the credentials it covers. */
export type StatusListPurpose = StatusListsTable['purpose'];

/** One status list of an authority: one purpose of one generation. */
export interface StatusListRecord {
  id: string;
  authorityId: string;
  generation: number;
  purpose: StatusListPurpose;
  /** Number of entries (bits). */
  size: number;
  /** Bumped whenever a bit changes. */
  version: number;
  /** When this version was made. */
  updatedAt: Date;
  /** The version {@link signed} holds, if any. */
  signedVersion: number | undefined;
  signed: { jws: string; json: string } | undefined;
}

function toRecord(row: Selectable<StatusListsTable>): StatusListRecord {
  return {
    id: row.id,
    authorityId: row.authority_id,
    generation: row.generation,
    purpose: row.purpose,
    size: row.size,
    version: row.version,
    updatedAt: new Date(row.updated_at),
    signedVersion: row.signed_version ?? undefined,
    signed:
      row.signed_jws === null || row.signed_json === null
        ? undefined
        : { jws: row.signed_jws, json: row.signed_json },
  };
}

/**
 * A list's id: the authority's slug, the generation and the purpose. Every credential carries it
 * twice, in its QR code too, so it is short and repeats what the credential already says (its issuer)
 * rather than being random; the index is what must not be guessable, and it is random.
 */
export function statusListId(slug: string, generation: number, purpose: StatusListPurpose): string {
  return `${slug}-${generation}-${purpose}`;
}

/** The list with this id, if any. */
export async function findStatusList(
  db: Kysely<IssuerTables>,
  id: string,
): Promise<StatusListRecord | undefined> {
  const row = await db.selectFrom('status_lists').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** Every list, oldest generation first: the index verifiers and bundle exporters read. */
export async function listStatusLists(db: Kysely<IssuerTables>): Promise<StatusListRecord[]> {
  const rows = await db
    .selectFrom('status_lists')
    .selectAll()
    .orderBy('authority_id')
    .orderBy('generation')
    .orderBy('purpose')
    .execute();
  return rows.map(toRecord);
}

/** The lists of one generation of an authority, by purpose (empty when the generation does not exist). */
export async function generationLists(
  db: Kysely<IssuerTables>,
  authorityId: string,
  generation: number,
  options: { withSigned?: boolean } = {},
): Promise<Partial<Record<StatusListPurpose, StatusListRecord>>> {
  const query = db
    .selectFrom('status_lists')
    .where('authority_id', '=', authorityId)
    .where('generation', '=', generation);
  // Issuing needs the lists' ids and size only; their signed copies are tens of kB each.
  const rows =
    options.withSigned === false
      ? (await query.select(HEAD_COLUMNS).execute()).map((r) => ({
          ...r,
          signed_jws: null,
          signed_json: null,
        }))
      : await query.selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.purpose, toRecord(r)]));
}

const HEAD_COLUMNS = [
  'id',
  'authority_id',
  'generation',
  'purpose',
  'size',
  'version',
  'updated_at',
  'signed_version',
] as const;

/** The newest generation of an authority's lists, or undefined before its first credential. */
export async function currentGeneration(
  db: Kysely<IssuerTables>,
  authorityId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('status_lists')
    .select((eb) => eb.fn.max('generation').as('generation'))
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return row?.generation ?? undefined;
}

/**
 * The newest generation of an authority's lists and its lists by purpose (ids and sizes, without
 * their signed copies), in one query; undefined before its first credential. What issuing reads.
 */
export async function currentGenerationLists(
  db: Kysely<IssuerTables>,
  authorityId: string,
): Promise<{ generation: number; lists: Partial<Record<StatusListPurpose, StatusListRecord>> } | undefined> {
  const rows = await db
    .selectFrom('status_lists')
    .select(HEAD_COLUMNS)
    .where('authority_id', '=', authorityId)
    .where((eb) =>
      eb(
        'generation',
        '=',
        eb
          .selectFrom('status_lists')
          .select((inner) => inner.fn.max('generation').as('generation'))
          .where('authority_id', '=', authorityId),
      ),
    )
    .execute();
  const first = rows[0];
  if (first === undefined) return undefined;
  const lists = Object.fromEntries(
    rows.map((r) => [r.purpose, toRecord({ ...r, signed_jws: null, signed_json: null })]),
  );
  return { generation: first.generation, lists };
}

/**
 * Creates the revocation and suspension lists of a generation, unless they exist (a concurrent
 * rollover may have made them first: the unique constraint makes that a no-op).
 */
export async function createGeneration(
  db: Kysely<IssuerTables>,
  input: { authorityId: string; generation: number; size: number; now: Date },
): Promise<void> {
  const authority = await db
    .selectFrom('authorities')
    .select('slug')
    .where('id', '=', input.authorityId)
    .executeTakeFirst();
  if (!authority) throw new IssuerDbError('AUTHORITY_NOT_FOUND', 'no such authority');
  const rows = (['revocation', 'suspension'] as const).map((purpose) => ({
    id: statusListId(authority.slug, input.generation, purpose),
    authority_id: input.authorityId,
    generation: input.generation,
    purpose,
    size: input.size,
    version: 1,
    updated_at: input.now.toISOString(),
    signed_version: null,
    signed_jws: null,
    signed_json: null,
  }));
  await db
    .insertInto('status_lists')
    .values(rows)
    .onConflict((oc) => oc.columns(['authority_id', 'generation', 'purpose']).doNothing())
    .execute();
}

/** The indexes whose bit is set in a list: revoked (revocation) or suspended (suspension) credentials. */
export async function setIndexes(db: Kysely<IssuerTables>, list: StatusListRecord): Promise<number[]> {
  const flag = list.purpose === 'revocation' ? 'revoked' : 'suspended';
  const rows = await db
    .selectFrom('credential_status')
    .select('list_index')
    .where('authority_id', '=', list.authorityId)
    .where('generation', '=', list.generation)
    .where(flag, '=', 1)
    .execute();
  return rows.map((r) => r.list_index);
}

/**
 * Keeps the signed form of a list version. Ignored when the list changed meanwhile: the next reader
 * signs the newer version.
 */
export async function saveSignedVersion(
  db: Kysely<IssuerTables>,
  input: { id: string; version: number; jws: string; json: string },
): Promise<void> {
  await db
    .updateTable('status_lists')
    .set({ signed_version: input.version, signed_jws: input.jws, signed_json: input.json })
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .execute();
}
