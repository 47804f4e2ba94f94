import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, parseDatabaseUrl, sqliteOf, WAL_AUTOCHECKPOINT_PAGES } from './database.js';
import { migrateToLatest } from './migrate.js';
import { tempDir, thrownCode } from './test-db.js';

describe('parseDatabaseUrl', () => {
  it('accepts sqlite::memory:', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ kind: 'sqlite-memory' });
  });

  it('accepts an absolute path, with or without //', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/passage/issuer.db')).toEqual({
      kind: 'sqlite',
      filename: '/var/lib/passage/issuer.db',
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/passage/issuer.db')).toEqual({
      kind: 'sqlite',
      filename: '/var/lib/passage/issuer.db',
    });
  });

  it('resolves a relative path against the working directory', () => {
    expect(parseDatabaseUrl('sqlite:.data/issuer.db')).toEqual({
      kind: 'sqlite',
      filename: resolve('.data/issuer.db'),
    });
  });

  it('rejects an unknown scheme', () => {
    expect(thrownCode(() => parseDatabaseUrl('mysql://localhost/passage'))).toBe('DATABASE_URL_INVALID');
    expect(thrownCode(() => parseDatabaseUrl('/var/lib/passage/issuer.db'))).toBe('DATABASE_URL_INVALID');
  });

  it('rejects sqlite: without a path', () => {
    expect(thrownCode(() => parseDatabaseUrl('sqlite:'))).toBe('DATABASE_URL_INVALID');
  });

  it('says postgres is not yet supported', () => {
    expect(thrownCode(() => parseDatabaseUrl('postgres://u@localhost/passage'))).toBe('DATABASE_UNSUPPORTED');
  });
});

describe('openDatabase on a file', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it('creates the parent directory and uses WAL journaling', async () => {
    const file = join(temp.dir, 'nested', 'deeper', 'issuer.db');
    const { db, close } = openDatabase(`sqlite:${file}`);
    await migrateToLatest(db);
    await close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('checkpoints the WAL every WAL_AUTOCHECKPOINT_PAGES pages, not at SQLite default 1,000', async () => {
    const { db, close } = openDatabase(`sqlite:${join(temp.dir, 'wal.db')}`);
    try {
      const sqlite = sqliteOf(db);
      expect(sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
      expect(WAL_AUTOCHECKPOINT_PAGES).toBeGreaterThan(1000);
    } finally {
      await close();
    }
  });

  it('enforces foreign keys', async () => {
    const { db, close } = openDatabase(`sqlite:${join(temp.dir, 'fk.db')}`);
    try {
      await migrateToLatest(db);
      const orphan = db
        .insertInto('api_keys')
        .values({
          id: '0123456789abcdef',
          authority_id: 'no-such-authority',
          secret_hash: '00',
          types_json: '[]',
          economy: 'THA',
          created_at: new Date().toISOString(),
          revoked_at: null,
        })
        .execute();
      await expect(orphan).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    } finally {
      await close();
    }
  });
});
