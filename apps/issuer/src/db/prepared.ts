import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sqliteOf } from './database.js';
import { IssuerDbError } from './errors.js';
import type { IssuerTables } from './schema.js';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement prepared once per database for the issuing hot path, where Kysely's building and
 * compiling of each query was a measurable share of a request (SQLite syntax: this path is SQLite's).
 * Only `get`, `all` and `run` are used on these, never `iterate`, so one statement serves every call.
 *
 * @throws IssuerDbError `DATABASE_UNSUPPORTED` for a database `openDatabase` did not open
 */
export function prepared(db: Kysely<IssuerTables>, sql: string): Database.Statement {
  const sqlite = sqliteHandle(db);
  let cache = caches.get(sqlite);
  if (cache === undefined) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * The better-sqlite3 handle under `db`.
 *
 * @throws IssuerDbError `DATABASE_UNSUPPORTED` for a database `openDatabase` did not open
 */
export function sqliteHandle(db: Kysely<IssuerTables>): Database.Database {
  const sqlite = sqliteOf(db);
  if (sqlite === undefined) {
    throw new IssuerDbError(
      'DATABASE_UNSUPPORTED',
      'the issuing path needs a database opened by openDatabase',
    );
  }
  return sqlite;
}

/**
 * Runs `work` (synchronous SQL on the better-sqlite3 handle, typically one transaction) when no
 * Kysely transaction is open on the shared connection: between two awaited queries of such a
 * transaction, a statement run directly would join it (and roll back with it). Otherwise waits for
 * Kysely's connection, which a transaction holds until it ends.
 */
export async function whenConnectionFree<T>(db: Kysely<IssuerTables>, work: () => T): Promise<T> {
  if (!sqliteHandle(db).inTransaction) return work();
  return db.connection().execute(async () => work());
}
