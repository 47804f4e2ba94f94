import { type Kysely, sql } from 'kysely';

const AUDIT_TABLE = 'status_audit_log';

/**
 * Revocation and suspension (Bitstring Status List v1.0): the lists of each authority's generations,
 * each credential's index and state, and the append-only audit log of every change.
 *
 * Uniqueness is the database's job, so concurrent issuers can never hand out one index twice:
 * `(authority_id, generation, list_index)` is unique. The audit log refuses UPDATE and DELETE through
 * triggers (SQLite syntax; a Postgres port needs a trigger function doing the same).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('status_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_version', 'integer')
    .addColumn('signed_jws', 'text')
    .addColumn('signed_json', 'text')
    .addUniqueConstraint('status_lists_generation_unique', ['authority_id', 'generation', 'purpose'])
    .execute();

  await db.schema
    .createTable('credential_status')
    .addColumn('credential_id', 'text', (c) => c.primaryKey())
    .addColumn('authority_id', 'text', (c) => c.notNull().references('authorities.id'))
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('list_index', 'integer', (c) => c.notNull())
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('credential_status_index_unique', ['authority_id', 'generation', 'list_index'])
    .execute();

  await db.schema
    .createTable(AUDIT_TABLE)
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('authority_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('previous_state', 'text', (c) => c.notNull())
    .addColumn('new_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('status_audit_log_credential_idx')
    .on(AUDIT_TABLE)
    .columns(['authority_id', 'credential_id'])
    .execute();
  for (const event of ['UPDATE', 'DELETE']) {
    await sql
      .raw(
        `CREATE TRIGGER ${AUDIT_TABLE}_no_${event.toLowerCase()} BEFORE ${event} ON ${AUDIT_TABLE} ` +
          `BEGIN SELECT RAISE(ABORT, 'the status audit log is append-only'); END`,
      )
      .execute(db);
  }
}

/** Drops everything {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['update', 'delete']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${AUDIT_TABLE}_no_${event}`).execute(db);
  }
  for (const table of [AUDIT_TABLE, 'credential_status', 'status_lists']) {
    await db.schema.dropTable(table).execute();
  }
}
