import type { Kysely } from 'kysely';

/**
 * OpenID4VCI credential offers (pre-authorized code flow). The subject and the offer URI are sealed
 * (they carry the person's data and the code); the pre-authorized code and the transaction code are
 * kept only as hashes. A credential is signed when the wallet redeems the offer, bound to its key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credential_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('economy', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('configuration_id', 'text', (c) => c.notNull())
    .addColumn('subject_sealed', 'text', (c) => c.notNull())
    .addColumn('offer_uri_sealed', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('tx_code_hash', 'text')
    .addColumn('tx_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('token_issued_at', 'text')
    .addColumn('redeemed_at', 'text')
    .addColumn('credential_id', 'text')
    .execute();
  await db.schema
    .createIndex('credential_offers_authority')
    .on('credential_offers')
    .columns(['authority_id', 'created_at'])
    .execute();
}

/** Drops everything {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('credential_offers').execute();
}
