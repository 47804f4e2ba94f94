import type { ProblemDetail } from '@passage/service-kit';

/** Stable codes of every error the issuer service answers. */
export type IssuerErrorCode =
  | 'CONFIG_INVALID'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'MALFORMED_INPUT'
  | 'SCHEMA_INVALID'
  | 'NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'CREDENTIAL_EXISTS'
  | 'CREDENTIAL_REVOKED'
  | 'AUTHORITY_EXISTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'KEY_TYPE_UNSUPPORTED'
  | 'DSC_MISSING'
  | 'DSC_INVALID'
  | 'VALUE_NOT_MAPPED'
  | 'VALUE_MISSING'
  | 'CREDENTIAL_TOO_LARGE'
  | 'NOT_PRINTABLE'
  | 'INTERNAL';

/** The HTTP status of each code. `satisfies` makes the compiler check that every code has one. */
export const STATUS_BY_CODE = {
  CONFIG_INVALID: 500,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  MALFORMED_INPUT: 400,
  SCHEMA_INVALID: 422,
  NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 409,
  CREDENTIAL_EXISTS: 409,
  CREDENTIAL_REVOKED: 409,
  AUTHORITY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The authority's key cannot sign this format (an Ed25519 authority asked for DCC or SHC). */
  KEY_TYPE_UNSUPPORTED: 409,
  /** A DCC needs the authority's document signer certificate: generate or import one first. */
  DSC_MISSING: 409,
  /** A DSC that does not parse, is not for the authority's key, may not sign vaccinations, or is not valid now. */
  DSC_INVALID: 422,
  /** A record value has no code in the target format's value set (the detail names the field). */
  VALUE_NOT_MAPPED: 422,
  /** The target format requires a field the record lacks (the detail names the field). */
  VALUE_MISSING: 422,
  /** The certificate would not fit in one QR code of its format. */
  CREDENTIAL_TOO_LARGE: 422,
  NOT_PRINTABLE: 409,
  INTERNAL: 500,
} as const satisfies Record<IssuerErrorCode, number>;

export type { ProblemDetail } from '@passage/service-kit';

/** The issuer's error. Messages never carry personal data or secrets. */
export class IssuerError extends Error {
  override readonly name = 'IssuerError';
  readonly code: IssuerErrorCode;
  readonly details: ProblemDetail[];

  constructor(code: IssuerErrorCode, message: string, details: ProblemDetail[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** True when `value` is an {@link IssuerError}, optionally with this code. */
export function isIssuerError(value: unknown, code?: IssuerErrorCode): value is IssuerError {
  return value instanceof IssuerError && (code === undefined || value.code === code);
}
