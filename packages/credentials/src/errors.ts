/**
 * Stable codes for everything that can go wrong when decoding or verifying a credential.
 * Tests and HTTP mappings key on these codes, never on message text.
 */
export const VERIFICATION_CODES = [
  'MALFORMED_INPUT',
  'UNSUPPORTED_FORMAT',
  'INVALID_PREFIX',
  'INVALID_BASE45',
  'INVALID_COMPRESSION',
  'INPUT_TOO_LARGE',
  'INVALID_COSE',
  'INVALID_CBOR',
  'DECODING_FAILED',
  'SIGNATURE_INVALID',
  'ISSUER_NOT_TRUSTED',
  'TYPE_NOT_ALLOWED',
  'ISSUER_SUSPENDED',
  'ISSUER_TERMINATED',
  'ISSUER_NOT_VALID',
  'KEY_NOT_FOUND',
  'ALGORITHM_NOT_ALLOWED',
  'KEY_USAGE_MISMATCH',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_REVOKED',
  'CHAIN_INVALID',
  'NOT_YET_VALID',
  'EXPIRED',
  'SCHEMA_INVALID',
  'REVOKED',
  'SUSPENDED',
  'STATUS_UNAVAILABLE',
  'CHALLENGE_MISMATCH',
  'DOMAIN_MISMATCH',
  'KEY_BINDING_REQUIRED',
  'KEY_BINDING_INVALID',
  'KEY_BINDING_EXPIRED',
  'KEY_BINDING_NOT_YET_VALID',
  'HOLDER_MISMATCH',
  'NOT_CHECKED',
] as const;

/** A code that a verification report may carry. */
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

/** Codes for errors thrown by this package (malformed input or misuse, never "this credential is bad"). */
export type CredentialErrorCode =
  | VerificationCode
  | 'INVALID_ARGUMENT'
  | 'KEY_TYPE_UNSUPPORTED'
  | 'KEY_NOT_MANAGED'
  | 'SECRET_INVALID'
  | 'DECRYPTION_FAILED';

/**
 * The one error class of `@passage/credentials`. Messages never contain tokens or personal data.
 *
 * @example
 * try { decodeQrText(text) } catch (e) { if (e instanceof CredentialError && e.code === 'INVALID_BASE45') … }
 */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  readonly code: CredentialErrorCode;

  constructor(code: CredentialErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `value` is a {@link CredentialError}, optionally with the given code. */
export function isCredentialError(value: unknown, code?: CredentialErrorCode): value is CredentialError {
  return value instanceof CredentialError && (code === undefined || value.code === code);
}
