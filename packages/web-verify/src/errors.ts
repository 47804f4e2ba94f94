/**
 * Codes for what the web verifier refuses while loading its data: the bundle, the operator keys, the
 * trust list and the rule set. The trust list and rule set codes are those of `@passage/trust` and
 * `@passage/rules`, so a page can say the same thing as the verifier service.
 */
export const WEB_VERIFY_CODES = [
  'BUNDLE_INVALID',
  'OPERATOR_KEY_INVALID',
  'TRUST_LIST_INVALID',
  'TRUST_LIST_SIGNATURE_INVALID',
  'TRUST_LIST_NOT_YET_VALID',
  'TRUST_LIST_EXPIRED',
  'TRUST_LIST_ROLLBACK',
  'TRUST_LIST_CONFLICT',
  'RULES_INVALID',
  'RULES_SIGNATURE_INVALID',
  'RULES_EXPIRED',
  'RULES_ROLLBACK',
] as const;

/** A stable code of {@link WebVerifyError}. */
export type WebVerifyCode = (typeof WEB_VERIFY_CODES)[number];

/** The one error class of this package: a stable `code`, a message naming no personal data. */
export class WebVerifyError extends Error {
  readonly code: WebVerifyCode;

  constructor(code: WebVerifyCode, message: string) {
    super(message);
    this.name = 'WebVerifyError';
    this.code = code;
  }
}

/** True when `value` is a {@link WebVerifyError} (with `code`, when given). */
export function isWebVerifyError(value: unknown, code?: WebVerifyCode): value is WebVerifyError {
  return value instanceof WebVerifyError && (code === undefined || value.code === code);
}
