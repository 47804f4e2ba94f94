import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { IssuerDbError } from './errors.js';
import type { IssuerTables } from './schema.js';
import { cachingDatabase } from './statement-cache.js';

/** Where the issuer's data lives, parsed from a `DATABASE_URL`-style string. */
export type DatabaseLocation = { kind: 'sqlite'; filename: string } | { kind: 'sqlite-memory' };

/** An open database: typed Kysely handle and a way to release it. */
export interface IssuerDatabase {
  db: Kysely<IssuerTables>;
  close(): Promise<void>;
}

/**
 * The better-sqlite3 handle under each Kysely instance {@link openDatabase} made: the issuing hot path
 * runs a few prepared statements on it directly (see `issue-statements.ts`).
 */
const handles = new WeakMap<Kysely<IssuerTables>, Database.Database>();

/** The better-sqlite3 handle under a database {@link openDatabase} opened; undefined for any other. */
export function sqliteOf(db: Kysely<IssuerTables>): Database.Database | undefined {
  return handles.get(db);
}

/** Milliseconds a writer waits for another connection's lock before SQLite reports SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * WAL pages after which a commit copies the WAL back into the database file (SQLite's default is
 * 1,000). Every issuance dirties pages of indexes under random keys (credential id, digest, status
 * index); checkpointing four times less often copies such a page once where it was copied up to four
 * times, and cut the issuer's CPU per credential by about a tenth under load (bench:http, 2026-11-26).
 * The WAL then grows to about 16 MB between checkpoints, which is disk, not resident memory.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 4000;

/**
 * Parses a database URL. Accepted: `sqlite::memory:`, `sqlite:/abs/file.db`, `sqlite:///abs/file.db` and
 * `sqlite:relative/file.db` (resolved against the working directory).
 *
 * @throws IssuerDbError `DATABASE_UNSUPPORTED` for `postgres:`/`postgresql:` (not yet supported),
 *   `DATABASE_URL_INVALID` for anything else
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    throw new IssuerDbError('DATABASE_UNSUPPORTED', 'postgres databases are not yet supported; use sqlite:');
  }
  if (scheme !== 'sqlite') {
    throw new IssuerDbError('DATABASE_URL_INVALID', 'database URL must start with sqlite:');
  }
  const rest = url.slice('sqlite:'.length);
  if (rest === ':memory:') return { kind: 'sqlite-memory' };
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (path.trim() === '' || path.includes('\0') || path.includes('?')) {
    throw new IssuerDbError('DATABASE_URL_INVALID', 'sqlite URL needs a file path or :memory:');
  }
  return { kind: 'sqlite', filename: resolve(path) };
}

/**
 * Opens the issuer database named by `url` (see {@link parseDatabaseUrl}). SQLite files get WAL journaling
 * (`synchronous = NORMAL`, a checkpoint every {@link WAL_AUTOCHECKPOINT_PAGES} pages), statements prepared once per SQL text, enforced foreign keys and a busy timeout; the parent directory is created if missing. Run
 * `migrateToLatest(db)` before use.
 *
 * @example
 * const { db, close } = openDatabase('sqlite:/var/lib/passage/issuer.db');
 * await migrateToLatest(db);
 */
export function openDatabase(url: string): IssuerDatabase {
  const location = parseDatabaseUrl(url);
  let filename = ':memory:';
  if (location.kind === 'sqlite') {
    mkdirSync(dirname(location.filename), { recursive: true });
    filename = location.filename;
  }
  const sqlite = new Database(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the last
  // transactions but never corrupts the file, and an fsync per issued credential capped throughput.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  const db = new Kysely<IssuerTables>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
  handles.set(db, sqlite);
  return { db, close: () => db.destroy() };
}
