import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { IssuerDbError } from './errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { IssuerTables } from './schema.js';

const provider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};

/**
 * Brings the schema up to the latest migration. Safe to run at every start: migrations already applied
 * are skipped (Kysely records them in `kysely_migration` and locks concurrent runs).
 *
 * @returns the names of the migrations applied by this call (empty when already up to date)
 * @throws IssuerDbError `MIGRATION_FAILED`, with the driver's error as `cause`
 */
export async function migrateToLatest(db: Kysely<IssuerTables>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new IssuerDbError('MIGRATION_FAILED', `database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
