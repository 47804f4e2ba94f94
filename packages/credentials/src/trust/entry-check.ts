import type { VerificationCode } from '../errors.js';
import type { PassageTrustEntry, TrustStatus } from './trust-file.js';

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
 * The entry's status at an instant, read from its history: the last change at or before the instant,
 * `active` before the first one. Without a history that ends in the current status (older lists, or a
 * history left out), or without an instant, the current status is all that is known and it is taken
 * to have always held: a suspended or terminated issuer is never given the benefit of the doubt.
 */
export function statusAt(entry: PassageTrustEntry, at: number | undefined): TrustStatus {
  const history = [...(entry.statusHistory ?? [])].sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
  const latest = history.at(-1);
  if (at === undefined || latest === undefined || latest.status !== entry.status) return entry.status;
  let status: TrustStatus = 'active';
  for (const change of history) {
    if (Date.parse(change.since) > at) break;
    status = change.status;
  }
  return status;
}

function outsideWindow(entry: PassageTrustEntry, at: number): boolean {
  if (entry.validFrom !== undefined && at < Date.parse(entry.validFrom)) return true;
  return entry.validUntil !== undefined && at > Date.parse(entry.validUntil);
}

/**
 * Checks that a trusted issuer's entry covers this credential: the type is one the entry allows, the
 * issuer was neither terminated nor suspended when the credential was issued, and the credential was
 * issued inside the entry's validity window. A credential issued before a suspension or termination
 * stays covered; when the issuance time is unknown, the current status and the clock decide.
 */
export function checkTrustEntry(entry: PassageTrustEntry, input: EntryCheckInput): EntryProblem {
  if (input.credentialType !== undefined && !(entry.types as string[]).includes(input.credentialType)) {
    return { code: 'TYPE_NOT_ALLOWED', message: 'the issuer is not trusted for this credential type' };
  }
  const status = statusAt(entry, input.issuedAt);
  if (status === 'terminated') {
    return {
      code: 'ISSUER_TERMINATED',
      message: 'the credential was issued after the issuer was terminated',
    };
  }
  if (status === 'suspended') {
    return { code: 'ISSUER_SUSPENDED', message: 'the credential was issued while the issuer was suspended' };
  }
  if (outsideWindow(entry, input.issuedAt ?? input.now)) {
    return {
      code: 'ISSUER_NOT_VALID',
      message: "the credential was issued outside the issuer's validity window",
    };
  }
  return undefined;
}
