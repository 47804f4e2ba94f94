/** Stable codes for everything the issuer's persistence layer can refuse. Tests and HTTP mappings key on these. */
export type IssuerDbErrorCode =
  | 'DATABASE_URL_INVALID'
  | 'DATABASE_UNSUPPORTED'
  | 'MIGRATION_FAILED'
  | 'SECRET_INVALID'
  | 'DECRYPTION_FAILED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'CREDENTIAL_EXISTS'
  | 'AUTHORITY_EXISTS'
  | 'AUTHORITY_NOT_FOUND'
  | 'API_KEY_SCOPE_INVALID'
  | 'CORRUPT_ROW'
  | 'INVALID_ARGUMENT';

/**
 * The one error class of the issuer's database layer. Messages never carry secrets, tokens or personal data.
 *
 * @example
 * try { await insertCredential(db, input) } catch (e) {
 *   if (isIssuerDbError(e, 'IDEMPOTENCY_CONFLICT')) return findByIdempotencyKey(db, authorityId, key);
 * }
 */
export class IssuerDbError extends Error {
  override readonly name = 'IssuerDbError';
  readonly code: IssuerDbErrorCode;

  constructor(code: IssuerDbErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `value` is an {@link IssuerDbError}, optionally with the given code. */
export function isIssuerDbError(value: unknown, code?: IssuerDbErrorCode): value is IssuerDbError {
  return value instanceof IssuerDbError && (code === undefined || value.code === code);
}

/**
 * True when a driver error is a unique or primary-key violation. Knows better-sqlite3's codes and
 * Postgres' SQLSTATE 23505, so callers stay independent of the engine.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** True when a driver error is a foreign-key violation (better-sqlite3 or Postgres SQLSTATE 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
