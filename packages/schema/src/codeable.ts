import { z } from 'zod';

/** A coded value as FHIR's Coding: the code system, the code and an optional display text. */
export const codingSchema = z.strictObject({
  system: z.string().min(1).max(200).optional(),
  code: z.string().min(1).max(100),
  display: z.string().min(1).max(200).optional(),
});

/** A code given either as a plain string or as a full `{system, code, display}` coding. */
export const codeableSchema = z.union([z.string().min(1).max(100), codingSchema]);

/** A coded value as FHIR's Coding. */
export type Coding = z.infer<typeof codingSchema>;
/** A plain code string or a coding. */
export type Codeable = z.infer<typeof codeableSchema>;

/** The coding a codeable value stands for; a plain string becomes `{code}`. */
export function toCoding(value: Codeable, defaultSystem?: string): Coding {
  if (typeof value !== 'string') return value;
  return defaultSystem === undefined ? { code: value } : { system: defaultSystem, code: value };
}

/** The code of a codeable value. */
export function codeOf(value: Codeable): string {
  return typeof value === 'string' ? value : value.code;
}

/** ICD-11 MMS, the code system WHO's DDCC uses for vaccines and diseases. */
export const ICD11_SYSTEM = 'http://id.who.int/icd11/mms';
/** ISO 3166-1 alpha-3 as a FHIR code system. */
export const ISO3166_ALPHA3_SYSTEM = 'urn:iso:std:iso:3166';
