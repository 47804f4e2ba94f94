import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { credentialRow, type NewCredential } from './credentials.js';
import { IssuerDbError, isUniqueViolation } from './errors.js';
import { prepared, sqliteHandle, whenConnectionFree } from './prepared.js';
import type { IssuerTables } from './schema.js';

const INSERT_CREDENTIAL =
  'INSERT INTO credentials (id, authority_id, type, digest, format, jws, issued_at, valid_from, valid_until, subject_json, idempotency_key, request_hash) VALUES (@id, @authority_id, @type, @digest, @format, @jws, @issued_at, @valid_from, @valid_until, @subject_json, @idempotency_key, @request_hash)';
const DELETE_STATUS = 'DELETE FROM credential_status WHERE credential_id = ?';

const KEY_TAKEN = 'SELECT 1 FROM credentials WHERE authority_id = ? AND idempotency_key = ?';

/**
 * The idempotency keys among `keys` under which this authority already recorded a credential: one
 * indexed lookup per key on one prepared statement, nothing built per chunk.
 */
export async function existingIdempotencyKeys(
  db: Kysely<IssuerTables>,
  authorityId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  return whenConnectionFree(db, () => {
    const taken = prepared(db, KEY_TAKEN);
    const found = new Set<string>();
    for (const key of keys) if (taken.get(authorityId, key) !== undefined) found.add(key);
    return found;
  });
}

/** What {@link insertCredentials} records. */
interface BulkRows {
  credentials: readonly NewCredential[];
  keepSubject: boolean;
  released: readonly string[];
}

const transactions = new WeakMap<Database.Database, (rows: BulkRows) => void>();

/** One better-sqlite3 transaction per database: it rolls back when a statement throws. */
function transactionOf(db: Kysely<IssuerTables>): (rows: BulkRows) => void {
  const sqlite = sqliteHandle(db);
  let run = transactions.get(sqlite);
  if (run === undefined) {
    run = sqlite.transaction(({ credentials, keepSubject, released }: BulkRows) => {
      const insert = prepared(db, INSERT_CREDENTIAL);
      for (const c of credentials) insert.run(credentialRow(c, keepSubject));
      const release = prepared(db, DELETE_STATUS);
      for (const id of released) release.run(id);
    });
    transactions.set(sqlite, run);
  }
  return run;
}

/**
 * Records many issued credentials and gives back the status indexes of `released` credentials (items
 * that were refused after their index was reserved), in one transaction: all or nothing. `keepSubject`
 * is the authority's choice to keep the person's data; the caller read it with the authority. The rows
 * go through one prepared statement each, on the connection's SQLite handle: building multi-row
 * inserts through Kysely cost more than the inserts themselves.
 *
 * @throws IssuerDbError `IDEMPOTENCY_CONFLICT` when any row's id or idempotency key is taken (nothing
 *   is recorded then; the caller records the chunk one by one to find which)
 */
export async function insertCredentials(db: Kysely<IssuerTables>, input: BulkRows): Promise<void> {
  const run = transactionOf(db);
  try {
    await whenConnectionFree(db, () => run(input));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new IssuerDbError('IDEMPOTENCY_CONFLICT', 'a credential id or idempotency key is taken', {
      cause: error,
    });
  }
}
