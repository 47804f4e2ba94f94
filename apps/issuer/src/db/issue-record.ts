import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { credentialRow, type NewCredential } from './credentials.js';
import { IssuerDbError, isUniqueViolation } from './errors.js';
import { prepared, sqliteHandle, whenConnectionFree } from './prepared.js';
import type { IssuerTables } from './schema.js';

/** A signed credential and the status index it carries, recorded together or not at all. */
export interface IssuedRows {
  status: { generation: number; index: number; now: Date };
  /** `storePersonalData` is the authority's setting, which the authenticated caller carries. */
  credential: NewCredential & { storePersonalData: boolean };
}

/**
 * `recorded`, or `index-taken` when another credential took the index since it was chosen (the
 * credential must then be signed again with another index; nothing was written).
 */
export type RecordOutcome = 'recorded' | 'index-taken';

const INSERT_STATUS =
  'INSERT INTO credential_status (credential_id, authority_id, generation, list_index, revoked, suspended, changed_at) VALUES (?, ?, ?, ?, 0, 0, ?)';
const INSERT_CREDENTIAL =
  'INSERT INTO credentials (id, authority_id, type, digest, format, jws, issued_at, valid_from, valid_until, subject_json, idempotency_key, request_hash) VALUES (@id, @authority_id, @type, @digest, @format, @jws, @issued_at, @valid_from, @valid_until, @subject_json, @idempotency_key, @request_hash)';

const DELETE_STATUS = 'DELETE FROM credential_status WHERE credential_id = ?';

interface Pending {
  rows: IssuedRows;
  resolve: (outcome: RecordOutcome) => void;
  reject: (error: unknown) => void;
}

/** Per database: the credentials waiting for the next group commit. */
const queues = new WeakMap<Kysely<IssuerTables>, Pending[]>();

/**
 * Records an issued credential and its status index in one transaction. Credentials recorded in the
 * same turn of the event loop (concurrent requests) share that transaction; a refused credential
 * leaves nothing behind and never takes the others with it. Each caller learns its outcome once the
 * transaction is committed.
 *
 * @throws IssuerDbError `CREDENTIAL_EXISTS` when a credential with this id exists;
 *   `IDEMPOTENCY_CONFLICT` when the authority recorded a credential under the same idempotency key
 */
export function recordIssued(db: Kysely<IssuerTables>, rows: IssuedRows): Promise<RecordOutcome> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (queue === undefined) {
      queue = [];
      queues.set(db, queue);
    }
    queue.push({ rows, resolve, reject });
    if (queue.length === 1) setImmediate(() => void flush(db));
  });
}

async function flush(db: Kysely<IssuerTables>): Promise<void> {
  const batch = queues.get(db) ?? [];
  queues.delete(db);
  try {
    const outcomes = await whenConnectionFree(db, () => recordGroup(db, batch));
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error || outcome === undefined) pending.reject(outcome);
      else pending.resolve(outcome);
    });
  } catch (error) {
    for (const pending of batch) pending.reject(error);
  }
}

const groups = new WeakMap<Database.Database, (batch: Pending[]) => (RecordOutcome | Error)[]>();

/** One transaction for the whole group. */
function recordGroup(db: Kysely<IssuerTables>, batch: Pending[]): (RecordOutcome | Error)[] {
  const sqlite = sqliteHandle(db);
  let group = groups.get(sqlite);
  if (group === undefined) {
    group = sqlite.transaction((pending: Pending[]) => pending.map((p) => attempt(db, p.rows)));
    groups.set(sqlite, group);
  }
  return group(batch);
}

/**
 * Inserts one credential's two rows. A refused INSERT undoes only itself (SQLite's ABORT: the
 * transaction goes on), so when the credential's row is refused its status row is deleted again and
 * nothing of it stays; a savepoint per credential would cost two more statements each.
 */
function attempt(db: Kysely<IssuerTables>, { status, credential }: IssuedRows): RecordOutcome | Error {
  try {
    prepared(db, INSERT_STATUS).run(
      credential.id,
      credential.authorityId,
      status.generation,
      status.index,
      status.now.toISOString(),
    );
  } catch (error) {
    return failed(db, credential, error);
  }
  try {
    prepared(db, INSERT_CREDENTIAL).run(credentialRow(credential, credential.storePersonalData));
  } catch (error) {
    if (sqliteHandle(db).inTransaction) prepared(db, DELETE_STATUS).run(credential.id);
    return failed(db, credential, error);
  }
  return 'recorded';
}

/** A unique violation is told apart by asking the tables; anything else fails this credential. */
function failed(db: Kysely<IssuerTables>, credential: IssuedRows['credential'], error: unknown) {
  if (isUniqueViolation(error)) return refusal(db, credential, error);
  // SQLite rolled the whole transaction back (busy, I/O, full): the group fails as one.
  if (!sqliteHandle(db).inTransaction || !(error instanceof Error)) throw error;
  return error;
}

function refusal(
  db: Kysely<IssuerTables>,
  credential: IssuedRows['credential'],
  cause: unknown,
): RecordOutcome | Error {
  const exists =
    prepared(db, 'SELECT 1 FROM credential_status WHERE credential_id = ?').get(credential.id) !==
      undefined || prepared(db, 'SELECT 1 FROM credentials WHERE id = ?').get(credential.id) !== undefined;
  if (exists) return new IssuerDbError('CREDENTIAL_EXISTS', 'a credential with this id exists', { cause });
  const key = credential.idempotencyKey;
  if (
    key !== undefined &&
    prepared(db, 'SELECT 1 FROM credentials WHERE authority_id = ? AND idempotency_key = ?').get(
      credential.authorityId,
      key,
    ) !== undefined
  ) {
    return new IssuerDbError('IDEMPOTENCY_CONFLICT', 'idempotency key already used', { cause });
  }
  return 'index-taken' as const;
}
