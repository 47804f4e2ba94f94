import countries from 'i18n-iso-countries';
import { z } from 'zod';

/** True for an assigned ISO 3166-1 alpha-3 code (`THA`, `DEU`, …), upper case only. */
export function isIsoAlpha3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/** Accepts an assigned ISO 3166-1 alpha-3 country code. */
export const alpha3Schema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an upper-case ISO 3166-1 alpha-3 code')
  .refine(isIsoAlpha3, 'is not an assigned ISO 3166-1 alpha-3 code');
