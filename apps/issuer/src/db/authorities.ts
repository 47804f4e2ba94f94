import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { IssuerDbError, isUniqueViolation } from './errors.js';
import { parseJsonColumn } from './json-column.js';
import type { AuthoritiesTable, IssuerTables } from './schema.js';

/** Key types an authority may sign with. */
export type AuthorityKeyType = AuthoritiesTable['key_type'];

/** An issuing authority as the rest of the issuer sees it. */
export interface AuthorityRecord {
  id: string;
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-3 code of the economy the authority issues for. */
  economy: string;
  did: string;
  /** Veramo key id of the signing key. */
  kid: string;
  keyType: AuthorityKeyType;
  /** Credential types the authority may issue. */
  types: string[];
  /** Whether the person's data is kept in clear beside each issued credential. */
  storePersonalData: boolean;
  createdAt: Date;
}

/** What {@link insertAuthority} needs; `id` defaults to a random UUID and `createdAt` to now. */
export type NewAuthority = Omit<AuthorityRecord, 'id' | 'createdAt'> & { id?: string; createdAt?: Date };

/** Credential types as stored in `types_json`: a non-empty list of distinct names. */
export const typesListSchema = z
  .array(z.string().min(1))
  .min(1)
  .refine((types) => new Set(types).size === types.length, 'types must be distinct');

const economySchema = z.string().regex(/^[A-Z]{3}$/);

/** Type lists already checked, by their JSON text: every authenticated request reads two. */
const checkedTypes = new Map<string, readonly string[]>();
const CHECKED_TYPES_MAX = 1024;

/**
 * A `types_json` column as a checked type list (a fresh array each time; the check runs once per
 * distinct text).
 *
 * @throws IssuerDbError `CORRUPT_ROW`
 */
export function typesColumn(text: string, column: string): string[] {
  let types = checkedTypes.get(text);
  if (types === undefined) {
    types = parseJsonColumn(typesListSchema, text, column);
    if (checkedTypes.size >= CHECKED_TYPES_MAX) checkedTypes.clear();
    checkedTypes.set(text, types);
  }
  return [...types];
}

/** Maps an `authorities` row to its record, checking the JSON column. */
export function authorityRecord(row: Selectable<AuthoritiesTable>): AuthorityRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    economy: row.economy,
    did: row.did,
    kid: row.kid,
    keyType: row.key_type,
    types: typesColumn(row.types_json, 'authorities.types_json'),
    storePersonalData: row.store_personal_data === 1,
    createdAt: new Date(row.created_at),
  };
}

/**
 * Stores a new authority.
 *
 * @throws IssuerDbError `AUTHORITY_EXISTS` when the id, slug or DID is taken; `INVALID_ARGUMENT` for an
 *   empty or repeated type list or an economy that is not three upper-case letters
 */
export async function insertAuthority(
  db: Kysely<IssuerTables>,
  input: NewAuthority,
): Promise<AuthorityRecord> {
  if (!typesListSchema.safeParse(input.types).success || !economySchema.safeParse(input.economy).success) {
    throw new IssuerDbError(
      'INVALID_ARGUMENT',
      'authority needs distinct credential types and an alpha-3 economy',
    );
  }
  const row: Selectable<AuthoritiesTable> = {
    id: input.id ?? randomUUID(),
    slug: input.slug,
    name: input.name,
    economy: input.economy,
    did: input.did,
    kid: input.kid,
    key_type: input.keyType,
    types_json: JSON.stringify(input.types),
    store_personal_data: input.storePersonalData ? 1 : 0,
    created_at: (input.createdAt ?? new Date()).toISOString(),
  };
  try {
    await db.insertInto('authorities').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new IssuerDbError('AUTHORITY_EXISTS', 'an authority with this id, slug or DID exists', {
        cause: error,
      });
    }
    throw error;
  }
  return authorityRecord(row);
}

/** The authority with this id, if any. */
export async function findAuthorityById(
  db: Kysely<IssuerTables>,
  id: string,
): Promise<AuthorityRecord | undefined> {
  const row = await db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();
  return row && authorityRecord(row);
}

/** The authority with this slug (its short name in URLs and configuration), if any. */
export async function findAuthorityBySlug(
  db: Kysely<IssuerTables>,
  slug: string,
): Promise<AuthorityRecord | undefined> {
  const row = await db.selectFrom('authorities').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && authorityRecord(row);
}

/** The authority that signs as this DID, if any. */
export async function findAuthorityByDid(
  db: Kysely<IssuerTables>,
  did: string,
): Promise<AuthorityRecord | undefined> {
  const row = await db.selectFrom('authorities').selectAll().where('did', '=', did).executeTakeFirst();
  return row && authorityRecord(row);
}

/** Every authority, ordered by slug. */
export async function listAuthorities(db: Kysely<IssuerTables>): Promise<AuthorityRecord[]> {
  const rows = await db.selectFrom('authorities').selectAll().orderBy('slug').execute();
  return rows.map(authorityRecord);
}
