import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { tempDir } from './test-db.js';

const TABLES = [
  'api_keys',
  'authorities',
  'credential_offers',
  'credential_status',
  'credentials',
  'dcc_signers',
  'status_audit_log',
  'status_index_buckets',
  'status_lists',
  'veramo_dids',
  'veramo_keys',
  'veramo_private_keys',
];

describe('migrateToLatest', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it('creates every table in memory and is a no-op the second time', async () => {
    const { db, close } = openDatabase('sqlite::memory:');
    try {
      expect(await migrateToLatest(db)).toEqual([
        '0001-initial',
        '0002-status',
        '0003-status-buckets',
        '0004-credential-offers',
        '0005-dcc-signers',
      ]);
      expect(await migrateToLatest(db)).toEqual([]);
      const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
      expect(tables).toEqual(TABLES);
    } finally {
      await close();
    }
  });

  it('keeps data across reopening a file and does not re-run migrations', async () => {
    const url = `sqlite:${join(temp.dir, 'issuer.db')}`;
    const first = openDatabase(url);
    await migrateToLatest(first.db);
    await first.db
      .insertInto('veramo_private_keys')
      .values({ alias: 'a', type: 'Ed25519', ciphertext: 'x' })
      .execute();
    await first.close();

    const second = openDatabase(url);
    try {
      expect(await migrateToLatest(second.db)).toEqual([]);
      const rows = await second.db.selectFrom('veramo_private_keys').select('alias').execute();
      expect(rows).toEqual([{ alias: 'a' }]);
    } finally {
      await second.close();
    }
  });
});
