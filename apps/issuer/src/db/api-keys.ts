import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  type AuthorityRecord,
  authorityRecord,
  findAuthorityById,
  typesColumn,
  typesListSchema,
} from './authorities.js';
import { IssuerDbError } from './errors.js';
import { prepared } from './prepared.js';
import type { ApiKeysTable, AuthoritiesTable, IssuerTables } from './schema.js';

/** What an API key allows: issuing these credential types, for this economy, as this authority. */
export interface ApiKeyScope {
  id: string;
  authorityId: string;
  types: string[];
  economy: string;
}

/** An API key as listed for administration (never its secret). */
export interface ApiKeyRecord extends ApiKeyScope {
  createdAt: Date;
  revokedAt: Date | undefined;
}

const PREFIX = 'psk_';
const SECRET_BYTES = 32;
/** `psk_` + 16 hex id + `_` + 43 base64url characters (32 bytes, unpadded). */
const TOKEN_PATTERN = /^psk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * A plain SHA-256 is the right hash here, unlike for passwords: the secret is 32 random bytes, so there is
 * nothing to brute-force and a slow KDF would only add latency to every request. The base64url text is
 * hashed (not the decoded bytes) so that exactly one spelling of the token is accepted.
 */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    authorityId: row.authority_id,
    types: typesColumn(row.types_json, 'api_keys.types_json'),
    economy: row.economy,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? undefined : new Date(row.revoked_at),
  };
}

/**
 * Creates an API key for an authority, scoped to some of its credential types and its economy. The
 * returned `apiKey` (`psk_<id>_<secret>`) is shown once; only a hash of its secret is stored.
 *
 * @throws IssuerDbError `AUTHORITY_NOT_FOUND`; `API_KEY_SCOPE_INVALID` when the types are empty, repeated
 *   or not all issuable by the authority, or the economy is not the authority's
 */
export async function createApiKey(
  db: Kysely<IssuerTables>,
  input: { authorityId: string; types: string[]; economy: string; now?: Date },
): Promise<{ id: string; apiKey: string }> {
  const authority = await findAuthorityById(db, input.authorityId);
  if (authority === undefined) throw new IssuerDbError('AUTHORITY_NOT_FOUND', 'no such authority');
  const typesOk =
    typesListSchema.safeParse(input.types).success && input.types.every((t) => authority.types.includes(t));
  if (!typesOk || input.economy !== authority.economy) {
    throw new IssuerDbError('API_KEY_SCOPE_INVALID', 'API key scope exceeds what the authority may issue');
  }
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  await db
    .insertInto('api_keys')
    .values({
      id,
      authority_id: authority.id,
      secret_hash: hashSecret(secret),
      types_json: JSON.stringify(input.types),
      economy: input.economy,
      created_at: (input.now ?? new Date()).toISOString(),
      revoked_at: null,
    })
    .execute();
  return { id, apiKey: `${PREFIX}${id}_${secret}` };
}

/**
 * Resolves a presented API key to its scope. Malformed tokens, unknown ids, wrong secrets and revoked keys
 * all give `undefined`, so callers answer 401 alike and learn nothing about which part was wrong.
 */
export async function findApiKey(
  db: Kysely<IssuerTables>,
  presented: string,
): Promise<ApiKeyScope | undefined> {
  const match = TOKEN_PATTERN.exec(presented);
  const id = match?.[1];
  const secretText = match?.[2];
  if (id === undefined || secretText === undefined) return undefined;
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined || row.revoked_at !== null) return undefined;
  if (!secretMatches(row.secret_hash, secretText)) return undefined;
  const { createdAt: _created, revokedAt: _revoked, ...scope } = toRecord(row);
  return scope;
}

/** An `api_keys` row joined with its authority's row (`key_` columns are the key's). */
type KeyWithAuthorityRow = Selectable<AuthoritiesTable> & {
  key_secret_hash: string;
  key_types_json: string;
  key_economy: string;
  key_revoked_at: string | null;
};

const KEY_WITH_AUTHORITY =
  'SELECT k.secret_hash AS key_secret_hash, k.types_json AS key_types_json, k.economy AS key_economy, ' +
  'k.revoked_at AS key_revoked_at, a.* FROM api_keys k JOIN authorities a ON a.id = k.authority_id WHERE k.id = ?';

/**
 * {@link findApiKey} and the key's authority in one prepared query: what every authenticated request
 * reads. Malformed tokens, unknown ids, wrong secrets, revoked keys and keys without an authority all
 * give `undefined`.
 */
export function findApiKeyWithAuthority(
  db: Kysely<IssuerTables>,
  presented: string,
): { scope: ApiKeyScope; authority: AuthorityRecord } | undefined {
  const match = TOKEN_PATTERN.exec(presented);
  const id = match?.[1];
  const secretText = match?.[2];
  if (id === undefined || secretText === undefined) return undefined;
  const row = prepared(db, KEY_WITH_AUTHORITY).get(id) as KeyWithAuthorityRow | undefined;
  if (row === undefined || row.key_revoked_at !== null) return undefined;
  if (!secretMatches(row.key_secret_hash, secretText)) return undefined;
  const { key_secret_hash, key_types_json, key_economy, key_revoked_at, ...authorityRow } = row;
  const authority = authorityRecord(authorityRow);
  const types = typesColumn(key_types_json, 'api_keys.types_json');
  return { scope: { id, authorityId: authority.id, types, economy: key_economy }, authority };
}

function secretMatches(storedHash: string, secretText: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashSecret(secretText), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Revokes a key from `now` on. @returns false when no such unrevoked key exists */
export async function revokeApiKey(db: Kysely<IssuerTables>, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An authority's API keys, revoked ones included, oldest first. */
export async function listApiKeys(db: Kysely<IssuerTables>, authorityId: string): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .orderBy('created_at')
    .execute();
  return rows.map(toRecord);
}
