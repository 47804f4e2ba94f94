import type { CredentialType } from './credential-types.js';
import { travelCardMeaning, vaccinationMeaning } from './meaning.js';
import { type Parsed, parseWith } from './result.js';
import { type TravelCardSubject, travelCardSubjectSchema } from './travel-card.js';
import { type VaccinationSubject, vaccinationSubjectSchema } from './vaccination.js';

/** A credential subject of one of our types, tagged with its type. */
export type TypedSubject =
  | { type: 'VaccinationCertificate'; subject: VaccinationSubject }
  | { type: 'BusinessTravelCard'; subject: TravelCardSubject };

/**
 * Checks a received `credentialSubject` against its type's schema and meaning rules, as of the
 * credential's issuance. Verifiers use this for the report's `schema` check.
 */
export function parseSubject(
  type: CredentialType,
  value: unknown,
  context: { issuedAt: Date },
): Parsed<TypedSubject> {
  if (type === 'VaccinationCertificate') {
    const parsed = parseWith(vaccinationSubjectSchema, value);
    if (!parsed.ok) return parsed;
    return vaccinationMeaning(parsed.value, context.issuedAt).result({ type, subject: parsed.value });
  }
  const parsed = parseWith(travelCardSubjectSchema, value);
  if (!parsed.ok) return parsed;
  return travelCardMeaning(parsed.value, context.issuedAt).result({ type, subject: parsed.value });
}
