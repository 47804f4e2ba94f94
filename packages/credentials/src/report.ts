import type { VaccinationRecord } from '@passage/schema';
import type { VerificationCode } from './errors.js';

/** The outcome of one check: passed, or failed with a stable code. */
export type Check = { ok: true } | { ok: false; code: VerificationCode };

/** The checks every verification runs, in the order an officer reads them. */
export interface VerificationChecks {
  decoding: Check;
  signature: Check;
  issuerTrusted: Check;
  validity: Check;
  /** Revocation and suspension (Bitstring Status List). Passes when the credential carries no status entry. */
  status: Check;
  schema: Check;
  /**
   * The holder's key binding JWT (RFC 9901 §7.3), present only when one was checked: an SD-JWT came
   * with one, or the verifier required key binding. Absent, nothing proved who presented the credential.
   */
  keyBinding?: Check;
}

/** One problem found while verifying. The message names no token and no personal data. */
export interface VerificationIssue {
  code: VerificationCode;
  message: string;
}

/** How the credential reached the verifier and how it was secured. */
export type CredentialFormat = 'passage' | 'dcc' | 'shc' | 'icao-vds-nc';
export type Envelope = 'qr' | 'jws' | 'cose' | 'enveloped';
export type Securing = 'vc+jwt' | 'vc+sd-jwt' | 'vc+cose' | 'jwt';

/**
 * What the verifier knows of the issuer: a Passage issuer's DID, or a foreign issuer's own identifier
 * and country; when trusted, the trust entry's facts.
 */
export interface IssuerInfo {
  /** The issuer's DID (Passage credentials). */
  did?: string;
  /** A foreign issuer's identifier: a SMART Health Card `iss`, an ICAO seal's issuing state, a DCC signer's kid. */
  id?: string;
  /** The issuing country as the format codes it (ISO 3166 alpha-2 for DCC, ICAO 9303 codes for VDS-NC). */
  country?: string;
  name?: string;
  economy?: string;
}

/**
 * Where the status list a check read came from: `network` a copy fetched (or confirmed unchanged)
 * within its `ttl`; `cache` a network copy kept past its `ttl` because no fresh one could be had;
 * `bundle` a copy from an offline bundle.
 */
export type StatusSource = 'network' | 'cache' | 'bundle';

/** One `credentialStatus` entry as checked: which list and bit, and how fresh the list was. */
export interface StatusEntryReport {
  purpose: string;
  listUrl: string;
  index: number;
  /** The entry's bit: true set, false clear, undefined when the list could not be read. */
  set: boolean | undefined;
  source: StatusSource;
  /** When the list was fetched or last confirmed unchanged (ISO 8601). */
  fetchedAt?: string;
  ageSeconds?: number;
  /** True when the list is older than its `ttl`. */
  stale: boolean;
}

/**
 * The answer to "is this credential genuine, trusted and valid?". Verification never throws for a bad
 * credential: it returns a report with `verified: false` and a failed check carrying a code.
 */
export interface VerificationReport {
  verified: boolean;
  format: CredentialFormat;
  envelope?: Envelope;
  securing?: Securing;
  checks: VerificationChecks;
  errors: VerificationIssue[];
  /** The credential as decoded (VC Data Model 2.0 JSON), present once decoding succeeded. */
  credential?: Record<string, unknown>;
  issuer?: IssuerInfo;
  /** The credential's `type` that names what it is (`VaccinationCertificate`, `BusinessTravelCard`). */
  credentialType?: string;
  /** The instant the validity check was made against (ISO 8601). */
  checkedAt: string;
  /** The status entries checked (revocation, suspension) or listed (other purposes). */
  status?: StatusEntryReport[];
  /**
   * The canonical vaccination record (WHO DDCC:VS core data set), whatever the format: what the officer
   * sees and what entry rules evaluate. Present for vaccination certificates once decoding succeeded.
   */
  record?: VaccinationRecord;
  /** The format's own fields, kept beside the canonical record for the officer (e.g. a DCC's `v[0]`). */
  native?: Record<string, unknown>;
}
