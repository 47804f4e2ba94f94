import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; the issuer's queries are a few dozen shapes, so this never fills. */
const MAX_STATEMENTS = 256;

/**
 * The better-sqlite3 database as Kysely's SQLite dialect sees it, with each SQL text prepared once:
 * Kysely calls `prepare` for every query it runs, and compiling the statement was a fixed cost on every
 * insert and lookup. Kysely's driver runs one query at a time on its one connection and only streams
 * with `iterate`, so a statement is never in use twice at once; a streamed query gets its own statement.
 */
export function cachingDatabase(sqlite: Database.Database): SqliteDatabase {
  // The wrapper Kysely sees is kept with its statement: one object per SQL text, not per query.
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) return cached;
      const statement = streamingSafe(sqlite.prepare(sql), sqlite, sql);
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(sql, statement);
      return statement;
    },
  };
}

// `iterate` holds the statement until the iterator ends; give it a fresh one so a cached statement is
// never busy when the next query wants it.
function streamingSafe(
  statement: Database.Statement,
  sqlite: Database.Database,
  sql: string,
): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(parameters),
    run: (parameters) => statement.run(parameters),
    iterate: (parameters) => sqlite.prepare(sql).iterate(parameters),
  };
}
