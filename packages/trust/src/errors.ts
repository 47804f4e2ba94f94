/** Stable codes of `@passage/trust`. Tests and HTTP mappings key on these, never on messages. */
export const TRUST_LIST_CODES = [
  'TRUST_LIST_SIGNATURE_INVALID',
  'TRUST_LIST_ROLLBACK',
  'TRUST_LIST_CONFLICT',
  'TRUST_LIST_EXPIRED',
  'TRUST_LIST_NOT_YET_VALID',
  'TRUST_LIST_INVALID',
] as const;

/** Why a trust list was refused. */
export type TrustListCode = (typeof TRUST_LIST_CODES)[number];

/** Every code this package throws: refusals of a list, plus misuse (bad operator key, unknown issuer). */
export type TrustErrorCode =
  | TrustListCode
  | 'OPERATOR_KEY_INVALID'
  | 'ISSUER_NOT_LISTED'
  | 'INVALID_ARGUMENT';

/**
 * The one error class of `@passage/trust`. Messages name no person and carry no key material.
 *
 * @example
 * try { checkTrustListAcceptable(doc, held, now) } catch (e) { if (e instanceof TrustListError && e.code === 'TRUST_LIST_ROLLBACK') … }
 */
export class TrustListError extends Error {
  override readonly name = 'TrustListError';
  readonly code: TrustErrorCode;

  constructor(code: TrustErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `value` is a {@link TrustListError}, optionally with the given code. */
export function isTrustListError(value: unknown, code?: TrustErrorCode): value is TrustListError {
  return value instanceof TrustListError && (code === undefined || value.code === code);
}
