/** Stable codes of what can stop Passage from issuing a record in a foreign format (DCC, SHC). */
export type FormatIssueErrorCode =
  /** A record value has no code in the target format's value set; Passage refuses to invent one. */
  | 'VALUE_NOT_MAPPED'
  /** The target format requires a field the record does not have. */
  | 'VALUE_MISSING'
  /** The payload to sign does not follow the format's schema (the EU DCC JSON schema). */
  | 'PAYLOAD_INVALID'
  /** The encoded certificate does not fit in one QR code of the format. */
  | 'TOO_LARGE'
  /** The signer answered something other than a raw 64-byte ES256 signature (r||s). */
  | 'SIGNATURE_FORMAT'
  /** An option is out of range (a kid that is not 8 bytes, exp before iat, a key that is not P-256). */
  | 'INVALID_ARGUMENT'
  /** A document signer certificate that does not parse, is not P-256, or is not for this key. */
  | 'CERTIFICATE_INVALID';

/**
 * Thrown by the issuing functions of this package (`issueDcc`, `issueShc`, the DSC helpers). `field`
 * names the record member at fault (`vaccinations[0].brand`), never its value.
 */
export class FormatIssueError extends Error {
  override readonly name = 'FormatIssueError';
  readonly code: FormatIssueErrorCode;
  readonly field: string | undefined;

  constructor(
    code: FormatIssueErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/** True when `value` is a {@link FormatIssueError}, optionally with this code. */
export function isFormatIssueError(value: unknown, code?: FormatIssueErrorCode): value is FormatIssueError {
  return value instanceof FormatIssueError && (code === undefined || value.code === code);
}
