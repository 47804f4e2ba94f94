import type { Kysely } from 'kysely';

/**
 * The first schema: authorities, their API keys, issued credentials and Veramo's key and DID stores.
 * Built with Kysely's schema builder only (portable types: text and integer), so the same migration runs
 * on Postgres once a dialect is wired in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('economy', 'text', (c) => c.notNull())
    .addColumn('did', 'text', (c) => c.notNull().unique())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('key_type', 'text', (c) => c.notNull())
    .addColumn('types_json', 'text', (c) => c.notNull())
    .addColumn('store_personal_data', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('types_json', 'text', (c) => c.notNull())
    .addColumn('economy', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_keys_authority_idx').on('api_keys').column('authority_id').execute();

  await db.schema
    .createTable('credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('jws', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('subject_json', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    // NULL keys never collide (SQL semantics on both engines), so requests without the header are unaffected.
    .addUniqueConstraint('credentials_idempotency_unique', ['authority_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('credentials_digest_idx').on('credentials').column('digest').execute();

  await db.schema
    .createTable('veramo_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('kms', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('public_key_hex', 'text', (c) => c.notNull())
    .addColumn('meta_json', 'text')
    .execute();

  await db.schema
    .createTable('veramo_private_keys')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('veramo_dids')
    .addColumn('did', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('alias', 'text')
    .addColumn('controller_key_id', 'text')
    .addColumn('keys_json', 'text', (c) => c.notNull())
    .addColumn('services_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('veramo_dids_alias_idx').on('veramo_dids').column('alias').execute();
}

/** Drops everything {@link up} created, children first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['veramo_dids', 'veramo_private_keys', 'veramo_keys', 'credentials', 'api_keys']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('authorities').execute();
}
