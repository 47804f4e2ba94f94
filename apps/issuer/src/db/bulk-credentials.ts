import type { Insertable, Kysely } from 'kysely';
import { credentialDigest, type NewCredential } from './credentials.js';
import { IssuerDbError, isUniqueViolation } from './errors.js';
import type { CredentialsTable, IssuerTables } from './schema.js';

/** Rows per INSERT statement: 12 parameters each, well under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 250;
/** Keys per lookup statement. */
const KEYS_PER_STATEMENT = 500;

/** The idempotency keys among `keys` under which this authority already recorded a credential. */
export async function existingIdempotencyKeys(
  db: Kysely<IssuerTables>,
  authorityId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += KEYS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('credentials')
      .select('idempotency_key')
      .where('authority_id', '=', authorityId)
      .where('idempotency_key', 'in', keys.slice(start, start + KEYS_PER_STATEMENT))
      .execute();
    for (const row of rows) if (row.idempotency_key !== null) found.add(row.idempotency_key);
  }
  return found;
}

/**
 * Records many issued credentials and gives back the status indexes of `released` credentials (items
 * that were refused after their index was reserved), in one transaction: all or nothing. `keepSubject`
 * is the authority's choice to keep the person's data; the caller read it with the authority.
 *
 * @throws IssuerDbError `IDEMPOTENCY_CONFLICT` when any row's id or idempotency key is taken (nothing
 *   is recorded then; the caller records the chunk one by one to find which)
 */
export async function insertCredentials(
  db: Kysely<IssuerTables>,
  input: { credentials: readonly NewCredential[]; keepSubject: boolean; released: readonly string[] },
): Promise<void> {
  const rows: Insertable<CredentialsTable>[] = input.credentials.map((c) => ({
    id: c.id,
    authority_id: c.authorityId,
    type: c.type,
    digest: c.digest ?? credentialDigest(c.jws),
    format: c.format,
    jws: c.jws,
    issued_at: c.issuedAt.toISOString(),
    valid_from: c.validFrom.toISOString(),
    valid_until: c.validUntil?.toISOString() ?? null,
    subject_json: input.keepSubject && c.subject !== undefined ? JSON.stringify(c.subject) : null,
    idempotency_key: c.idempotencyKey ?? null,
    request_hash: c.requestHash ?? null,
  }));
  try {
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        await trx
          .insertInto('credentials')
          .values(rows.slice(start, start + ROWS_PER_STATEMENT))
          .execute();
      }
      for (let start = 0; start < input.released.length; start += KEYS_PER_STATEMENT) {
        const part = input.released.slice(start, start + KEYS_PER_STATEMENT);
        await trx.deleteFrom('credential_status').where('credential_id', 'in', part).execute();
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new IssuerDbError('IDEMPOTENCY_CONFLICT', 'a credential id or idempotency key is taken', {
      cause: error,
    });
  }
}
