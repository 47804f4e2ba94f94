import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { IssuerDbError, isUniqueViolation } from './errors.js';
import { parseJsonColumn } from './json-column.js';
import type { CredentialsTable, IssuerTables } from './schema.js';

/** How the credential was encoded: VC-JOSE-COSE (`vc+jwt`) or VC-JWT 1.1 (`jwt`). */
export type CredentialFormat = CredentialsTable['format'];

/** An issued credential as recorded by the issuer. */
export interface CredentialRecord {
  /** `urn:uuid:…`, the credential's own id. */
  id: string;
  authorityId: string;
  type: string;
  /** Hex SHA-256 of the compact JWS, for lookups and logs that must not carry the credential. */
  digest: string;
  format: CredentialFormat;
  jws: string;
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date | undefined;
  /** The person's data, present only when the authority stores personal data. */
  subject: unknown;
  idempotencyKey: string | undefined;
  /** Hash of the request that carried `idempotencyKey`, to tell a retry from a reused key. */
  requestHash: string | undefined;
}

/** What {@link insertCredential} needs. `subject` is dropped unless the authority keeps personal data. */
export interface NewCredential {
  id: string;
  authorityId: string;
  type: string;
  format: CredentialFormat;
  /** The JWS as stored: the service seals it under the configuration secret, as it holds personal data. */
  jws: string;
  /** Hex SHA-256 of the clear compact JWS; computed from `jws` when absent. */
  digest?: string | undefined;
  issuedAt: Date;
  validFrom: Date;
  validUntil?: Date | undefined;
  subject?: unknown;
  idempotencyKey?: string | undefined;
  requestHash?: string | undefined;
  /**
   * The authority's "store personal data" setting when the caller has just read its authority (an
   * authenticated request has): saves reading it again. Absent: read from the authorities table.
   */
  storePersonalData?: boolean | undefined;
}

const jsonValue = z.unknown();

/** Hex SHA-256 of a compact JWS, as stored in `credentials.digest`. */
export function credentialDigest(jws: string): string {
  return createHash('sha256').update(jws).digest('hex');
}

function toRecord(row: Selectable<CredentialsTable>): CredentialRecord {
  return {
    id: row.id,
    authorityId: row.authority_id,
    type: row.type,
    digest: row.digest,
    format: row.format,
    jws: row.jws,
    issuedAt: new Date(row.issued_at),
    validFrom: new Date(row.valid_from),
    validUntil: row.valid_until === null ? undefined : new Date(row.valid_until),
    subject:
      row.subject_json === null
        ? undefined
        : parseJsonColumn(jsonValue, row.subject_json, 'credentials.subject'),
    idempotencyKey: row.idempotency_key ?? undefined,
    requestHash: row.request_hash ?? undefined,
  };
}

/**
 * Records an issued credential. The person's data (`subject`) is kept only when the authority's
 * configuration says so; otherwise only the id, type, digest, JWS and dates are kept.
 *
 * @throws IssuerDbError `IDEMPOTENCY_CONFLICT` when this authority already recorded a credential under the
 *   same idempotency key (re-read it with {@link findByIdempotencyKey}); `CREDENTIAL_EXISTS` when the id is
 *   taken; `AUTHORITY_NOT_FOUND`
 */
export async function insertCredential(
  db: Kysely<IssuerTables>,
  input: NewCredential,
): Promise<CredentialRecord> {
  const keepSubject = input.storePersonalData ?? (await storesPersonalData(db, input.authorityId));
  const row = credentialRow(input, keepSubject);
  try {
    await db.insertInto('credentials').values(row).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The driver's message names the constraint, but differently per engine; asking the table is portable.
    const key = input.idempotencyKey;
    if (key !== undefined && (await findByIdempotencyKey(db, input.authorityId, key)) !== undefined) {
      throw new IssuerDbError('IDEMPOTENCY_CONFLICT', 'idempotency key already used', { cause: error });
    }
    throw new IssuerDbError('CREDENTIAL_EXISTS', 'a credential with this id exists', { cause: error });
  }
  return toRecord(row);
}

/**
 * The `credentials` row of a new credential; `subject_json` only when the authority keeps personal
 * data (`storesPersonalData`).
 */
export function credentialRow(
  input: NewCredential,
  storesPersonalData: boolean,
): Selectable<CredentialsTable> {
  const keepSubject = storesPersonalData && input.subject !== undefined;
  return {
    id: input.id,
    authority_id: input.authorityId,
    type: input.type,
    digest: input.digest ?? credentialDigest(input.jws),
    format: input.format,
    jws: input.jws,
    issued_at: input.issuedAt.toISOString(),
    valid_from: input.validFrom.toISOString(),
    valid_until: input.validUntil?.toISOString() ?? null,
    subject_json: keepSubject ? JSON.stringify(input.subject) : null,
    idempotency_key: input.idempotencyKey ?? null,
    request_hash: input.requestHash ?? null,
  };
}

async function storesPersonalData(db: Kysely<IssuerTables>, authorityId: string): Promise<boolean> {
  const authority = await db
    .selectFrom('authorities')
    .select('store_personal_data')
    .where('id', '=', authorityId)
    .executeTakeFirst();
  if (authority === undefined) throw new IssuerDbError('AUTHORITY_NOT_FOUND', 'no such authority');
  return authority.store_personal_data === 1;
}

/** The credential with this id issued by this authority, if any (another authority's is not visible). */
export async function findCredential(
  db: Kysely<IssuerTables>,
  id: string,
  authorityId: string,
): Promise<CredentialRecord | undefined> {
  const row = await db
    .selectFrom('credentials')
    .selectAll()
    .where('id', '=', id)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** The credential this authority issued under an idempotency key, if any: what a retry must get back. */
export async function findByIdempotencyKey(
  db: Kysely<IssuerTables>,
  authorityId: string,
  idempotencyKey: string,
): Promise<CredentialRecord | undefined> {
  const row = await db
    .selectFrom('credentials')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row && toRecord(row);
}
