import type { VerificationCode } from '../errors.js';
import type { PassageTrustEntry } from './trust-file.js';

/** What the trust entry is checked against. Instants are epoch milliseconds. */
export interface EntryCheckInput {
  /** The credential's type (`VaccinationCertificate`, `BusinessTravelCard`), when it could be read. */
  credentialType: string | undefined;
  /** When the credential was issued (JWT `iat`, else `validFrom`), when known. */
  issuedAt: number | undefined;
  /** The validation clock. */
  now: number;
}

/** Why a trust entry does not cover this credential, or undefined when it does. */
export type EntryProblem = { code: VerificationCode; message: string } | undefined;

/**
 * Checks that a trusted issuer's entry covers this credential: the type is one the entry allows.
 */
export function checkTrustEntry(entry: PassageTrustEntry, input: EntryCheckInput): EntryProblem {
  if (input.credentialType !== undefined && !(entry.types as string[]).includes(input.credentialType)) {
    return { code: 'TYPE_NOT_ALLOWED', message: 'the issuer is not trusted for this credential type' };
  }
  return undefined;
}
