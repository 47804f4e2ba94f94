import type { Kysely } from 'kysely';

/**
 * Each authority's EU DCC document signer certificate (DSC): self-signed for development or imported
 * from the country's CSCA for production. One per authority; a new one replaces the old.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dcc_signers')
    .addColumn('authority_id', 'text', (c) => c.primaryKey().references('authorities.id').onDelete('cascade'))
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the table {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dcc_signers').execute();
}
