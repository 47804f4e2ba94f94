// travelCardInputSchema (../travel-card.ts) as plain code, for the issuer's hot path (every issuance
// request body). zod stays the definition: compiled.test.ts checks, on mutated inputs, that this
// answers true exactly when zod accepts the input and answers it unchanged.
import type { z } from 'zod';
import { APEC_ECONOMIES } from '../economies.js';
import { type TravelCardInput, travelCardInputSchema } from '../travel-card.js';
import { isArrayOf, isDid, isIsoDate, isPlainObject, onlyKnownKeys, optional } from './checks.js';
import { isHolder, isPreClearance } from './travel-card.js';

const APEC = new Set<string>(APEC_ECONOMIES.map((e) => e.alpha3));
const VALIDITY_KEYS = new Set(['from', 'until']);
const INPUT_KEYS = new Set(['id', 'holder', 'cardNumber', 'issuingEconomy', 'validity', 'preClearances']);
const CARD_NUMBER = /^[A-Z0-9-]{4,32}$/;

const isCardNumber = (value: unknown): value is string =>
  typeof value === 'string' && CARD_NUMBER.test(value);
const isApec = (value: unknown): value is string => typeof value === 'string' && APEC.has(value);

// Unlike the subject's, both dates are optional and unrelated: the issuer completes and checks them.
function isInputValidity(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, VALIDITY_KEYS) &&
    optional(value.from, isIsoDate) &&
    optional(value.until, isIsoDate)
  );
}

/**
 * True when `travelCardInputSchema` accepts `value` and answers it unchanged, so the value can be
 * used as parsed. False means "let zod decide", never "invalid".
 */
export function isTravelCardInputAsIs(value: unknown): value is TravelCardInput {
  if (!isPlainObject(value) || !onlyKnownKeys(value, INPUT_KEYS)) return false;
  const { preClearances } = value;
  return (
    optional(value.id, isDid) &&
    isHolder(value.holder) &&
    optional(value.cardNumber, isCardNumber) &&
    optional(value.issuingEconomy, isApec) &&
    (value.validity === undefined || isInputValidity(value.validity)) &&
    isArrayOf(preClearances, 1, 21, isPreClearance) &&
    new Set(preClearances.map((p) => p.economy)).size === preClearances.length
  );
}

/**
 * `travelCardInputSchema.safeParse(value)` with the common case compiled: an input zod would accept
 * and answer unchanged is answered as it is (`data` is `value` itself, not a copy); anything else goes
 * through zod, so a refusal and its issues are zod's.
 *
 * @example
 * const input = parseTravelCardInputCompiled(body);
 * if (!input.success) return refuse(input.error);
 */
export function parseTravelCardInputCompiled(value: unknown): z.ZodSafeParseResult<TravelCardInput> {
  return isTravelCardInputAsIs(value)
    ? { success: true, data: value }
    : travelCardInputSchema.safeParse(value);
}
