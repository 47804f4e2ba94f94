import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BULK_WAL_AUTOCHECKPOINT, bulkPragmas } from './bulk-pragmas.js';
import type { IssuerDatabase } from './database.js';
import { sqliteOf } from './database.js';
import { openMigrated } from './test-db.js';

let opened: IssuerDatabase;
beforeEach(async () => {
  opened = await openMigrated();
});
afterEach(() => opened.close());

const autocheckpoint = () => Number(sqliteOf(opened.db)?.pragma('wal_autocheckpoint', { simple: true }));

describe('bulkPragmas', () => {
  it('checkpoints less often while batches run and restores the setting when the last one ends', () => {
    const before = autocheckpoint();
    const first = bulkPragmas(opened.db);
    const second = bulkPragmas(opened.db);
    expect(autocheckpoint()).toBe(BULK_WAL_AUTOCHECKPOINT);
    first();
    first();
    expect(autocheckpoint()).toBe(BULK_WAL_AUTOCHECKPOINT);
    second();
    expect(autocheckpoint()).toBe(before);
    expect(before).not.toBe(BULK_WAL_AUTOCHECKPOINT);
  });
});
