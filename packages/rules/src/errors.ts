/** Why a rule set was refused. Tests and HTTP mappings key on these codes, never on message text. */
export const RULES_ERROR_CODES = [
  'RULES_INVALID',
  'RULES_SIGNATURE_INVALID',
  'RULES_EXPIRED',
  'RULES_ROLLBACK',
] as const;

/** A code that {@link RulesError} carries. */
export type RulesErrorCode = (typeof RULES_ERROR_CODES)[number];

/**
 * A rule set that cannot be used: malformed, badly signed, expired or older than the one held.
 * Evaluating a usable rule set never throws this; a rule that cannot be evaluated is an `error` outcome.
 */
export class RulesError extends Error {
  override readonly name = 'RulesError';

  constructor(
    readonly code: RulesErrorCode,
    message: string,
  ) {
    super(message);
  }
}
