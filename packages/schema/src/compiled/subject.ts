import type { CredentialType } from '../credential-types.js';
import { travelCardMeaning, vaccinationMeaning } from '../meaning.js';
import type { Parsed } from '../result.js';
import { parseSubject, type TypedSubject } from '../subject.js';
import { isTravelCardSubjectAsIs } from './travel-card.js';
import { isVaccinationSubjectAsIs } from './vaccination.js';

/**
 * {@link parseSubject} with the zod step compiled to plain code: a subject zod would accept and answer
 * unchanged (every well-formed one) is checked without zod and answered as it is, not copied; anything
 * else goes through zod, so the verdict and the issues are zod's. For the verifier's hot path.
 *
 * @example
 * const parsed = parseSubjectCompiled('VaccinationCertificate', credential.credentialSubject, { issuedAt });
 */
export function parseSubjectCompiled(
  type: CredentialType,
  value: unknown,
  context: { issuedAt: Date },
): Parsed<TypedSubject> {
  if (type === 'VaccinationCertificate' && isVaccinationSubjectAsIs(value))
    return vaccinationMeaning(value, context.issuedAt).result({ type, subject: value });
  if (type === 'BusinessTravelCard' && isTravelCardSubjectAsIs(value))
    return travelCardMeaning(value, context.issuedAt).result({ type, subject: value });
  return parseSubject(type, value, context);
}
