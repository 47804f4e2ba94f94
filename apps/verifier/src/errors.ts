/** Codes for errors the verifier service itself raises (a failed verification is a report, not an error). */
export type VerifierErrorCode =
  | 'MALFORMED_INPUT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'TRUST_FILE_INVALID'
  | 'BUNDLE_INVALID'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL';

/** The one error class of the verifier service. Messages carry no credential content. */
export class VerifierError extends Error {
  override readonly name = 'VerifierError';
  readonly code: VerifierErrorCode;
  readonly details: { path: string; message: string }[];

  constructor(code: VerifierErrorCode, message: string, details: { path: string; message: string }[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** HTTP status for each code; the compiler checks every code has one. */
export const STATUS_BY_CODE = {
  MALFORMED_INPUT: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  CONFIG_INVALID: 500,
  TRUST_FILE_INVALID: 500,
  BUNDLE_INVALID: 500,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const satisfies Record<VerifierErrorCode, number>;
