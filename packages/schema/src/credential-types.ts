import { z } from 'zod';

/** The credential types Passage issues, as they appear in a credential's `type`. */
export const CREDENTIAL_TYPES = ['VaccinationCertificate', 'BusinessTravelCard'] as const;

/** A credential type Passage issues. */
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** Accepts one of {@link CREDENTIAL_TYPES}. */
export const credentialTypeSchema = z.enum(CREDENTIAL_TYPES);

/** True when `value` names a credential type Passage issues. */
export function isCredentialType(value: unknown): value is CredentialType {
  return typeof value === 'string' && (CREDENTIAL_TYPES as readonly string[]).includes(value);
}

/** Our type among the credential's `type` values, if any. */
export function credentialTypeOf(types: unknown): CredentialType | undefined {
  const list = Array.isArray(types) ? types : [types];
  return list.find(isCredentialType);
}
