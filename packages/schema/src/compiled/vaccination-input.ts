// vaccinationInputSchema (../vaccination.ts) as plain code, for the issuer's hot path (every issuance
// request body). zod stays the definition: compiled.test.ts checks, on mutated inputs, that this
// answers true exactly when zod accepts the input and answers it unchanged.
import type { z } from 'zod';
import { type VaccinationInput, vaccinationInputSchema } from '../vaccination.js';
import { isAlpha3, isArrayOf, isDid, isPlainObject, isString, onlyKnownKeys, optional } from './checks.js';
import { isEvent, isPeriod, isPerson } from './vaccination.js';

const CERTIFICATE_KEYS = new Set(['hcid', 'issuer', 'period']);
const INPUT_KEYS = new Set(['id', 'person', 'certificate', 'vaccinations']);

const isHcid = (value: unknown): value is string => isString(value, 1, 100);

// Unlike the subject's, every member is optional: the issuer assigns what is absent.
function isInputCertificate(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, CERTIFICATE_KEYS) &&
    optional(value.hcid, isHcid) &&
    optional(value.issuer, isAlpha3) &&
    (value.period === undefined || isPeriod(value.period))
  );
}

/**
 * True when `vaccinationInputSchema` accepts `value` and answers it unchanged, so the value can be
 * used as parsed. False means "let zod decide" (it may still accept, e.g. a name with spaces around it,
 * which zod trims), never "invalid".
 */
export function isVaccinationInputAsIs(value: unknown): value is VaccinationInput {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, INPUT_KEYS) &&
    optional(value.id, isDid) &&
    isPerson(value.person) &&
    (value.certificate === undefined || isInputCertificate(value.certificate)) &&
    isArrayOf(value.vaccinations, 1, 20, isEvent)
  );
}

/**
 * `vaccinationInputSchema.safeParse(value)` with the common case compiled: an input zod would accept
 * and answer unchanged is answered as it is (`data` is `value` itself, not a copy); anything else goes
 * through zod, so a refusal and its issues are zod's.
 *
 * @example
 * const input = parseVaccinationInputCompiled(body);
 * if (!input.success) return refuse(input.error);
 */
export function parseVaccinationInputCompiled(value: unknown): z.ZodSafeParseResult<VaccinationInput> {
  return isVaccinationInputAsIs(value)
    ? { success: true, data: value }
    : vaccinationInputSchema.safeParse(value);
}
