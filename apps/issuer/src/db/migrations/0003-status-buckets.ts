import { type Kysely, sql } from 'kysely';

/**
 * Status list indexes are counted per bucket of `2^STATUS_BUCKET_BITS` indexes. Frozen with this
 * migration: the allocator reads the same constant.
 */
export const STATUS_BUCKET_BITS = 10;

/**
 * How many indexes of each bucket of a generation are taken, kept by triggers on `credential_status`,
 * so that choosing uniformly among the free indexes of a nearly full list reads about a hundred counts
 * and one bucket instead of scanning the whole list. SQLite syntax, like the audit log's triggers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('status_index_buckets')
    .addColumn('authority_id', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('taken', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('status_index_buckets_pk', ['authority_id', 'generation', 'bucket'])
    .execute();
  await sql
    .raw(
      `INSERT INTO status_index_buckets (authority_id, generation, bucket, taken)
       SELECT authority_id, generation, list_index >> ${STATUS_BUCKET_BITS}, count(*)
       FROM credential_status GROUP BY 1, 2, 3`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER credential_status_bucket_insert AFTER INSERT ON credential_status BEGIN
         INSERT INTO status_index_buckets (authority_id, generation, bucket, taken)
         VALUES (NEW.authority_id, NEW.generation, NEW.list_index >> ${STATUS_BUCKET_BITS}, 1)
         ON CONFLICT (authority_id, generation, bucket) DO UPDATE SET taken = taken + 1;
       END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER credential_status_bucket_delete AFTER DELETE ON credential_status BEGIN
         UPDATE status_index_buckets SET taken = taken - 1
         WHERE authority_id = OLD.authority_id AND generation = OLD.generation
           AND bucket = OLD.list_index >> ${STATUS_BUCKET_BITS};
       END`,
    )
    .execute(db);
}

/** Drops everything {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TRIGGER IF EXISTS credential_status_bucket_delete').execute(db);
  await sql.raw('DROP TRIGGER IF EXISTS credential_status_bucket_insert').execute(db);
  await db.schema.dropTable('status_index_buckets').execute();
}
