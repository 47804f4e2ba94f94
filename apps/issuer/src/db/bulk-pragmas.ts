import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { sqliteOf } from './database.js';
import type { IssuerTables } from './schema.js';

/**
 * WAL pages after which a commit checkpoints, while a batch runs (the issuer's connections otherwise
 * use `WAL_AUTOCHECKPOINT_PAGES`, 4,000). A batch rewrites the same random-key index pages (credential
 * id, digest, status index) in every chunk; checkpointing less often copies each such page into the
 * database file once instead of once per chunk or two. The WAL then grows to about 40 MB, which is
 * disk, not resident memory.
 */
export const BULK_WAL_AUTOCHECKPOINT = 10_000;

/** Batches running per connection, and the setting to restore when the last one ends. */
const running = new Map<Database.Database, { batches: number; restore: number }>();

/**
 * Tunes the connection under `db` for bulk recording while a batch runs and answers the function that
 * undoes it. The connection also serves single requests, so the setting is restored when the last
 * batch on it ends. A database not opened by `openDatabase` is left as it is.
 */
export function bulkPragmas(db: Kysely<IssuerTables>): () => void {
  const sqlite = sqliteOf(db);
  if (sqlite === undefined) return () => {};
  let state = running.get(sqlite);
  if (state === undefined) {
    const restore = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
    state = { batches: 0, restore };
    running.set(sqlite, state);
    sqlite.pragma(`wal_autocheckpoint = ${BULK_WAL_AUTOCHECKPOINT}`);
  }
  state.batches++;
  let done = false;
  return () => {
    if (done || state === undefined) return;
    done = true;
    state.batches--;
    if (state.batches > 0) return;
    running.delete(sqlite);
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${state.restore}`);
  };
}
