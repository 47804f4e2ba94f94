// The verdict of a decoded DCC, once its signer has been looked for: shared by the Node verifier
// (verify.ts) and the browser's, so both build the same report from the same facts.
import {
  type Check,
  CredentialError,
  DEFAULT_CLOCK_TOLERANCE_SEC,
  isCredentialError,
  ReportBuilder,
  VERIFICATION_CODES,
  type VerificationCode,
  type VerificationReport,
} from '@passage/credentials/pure';
import { isoString } from '../internal/iso-date.js';
import { base64Of } from './base64.js';
import type { DccClaims } from './cwt.js';
import type { DecodedDcc } from './decode-core.js';
import { type DccType, dccTypesOf } from './key-usage.js';
import { dccVaccinationRecord } from './record.js';
import { dccSchemaError } from './schema.js';
import type { DccSignerFacts, SignerContext, SignerOutcome } from './signer.js';

const MESSAGES: Partial<Record<VerificationCode, string>> = {
  ALGORITHM_NOT_ALLOWED: 'COSE algorithm is not ES256 or PS256',
  KEY_NOT_FOUND: 'no trusted signer certificate has this kid',
  ISSUER_NOT_TRUSTED: 'the signer is not in the trust list',
  SIGNATURE_INVALID: 'signature verification failed',
  CERTIFICATE_EXPIRED: 'the signer certificate has expired',
  CERTIFICATE_NOT_YET_VALID: 'the signer certificate is not yet valid',
  KEY_USAGE_MISMATCH: 'the signer certificate may not sign this certificate type',
  EXPIRED: 'the certificate has expired',
  NOT_YET_VALID: 'the certificate was issued after the validation clock',
};

function record(
  report: ReportBuilder,
  check: 'signature' | 'issuerTrusted' | 'validity',
  outcome: Check,
): void {
  if (outcome.ok) report.pass(check);
  else report.fail(check, outcome.code, MESSAGES[outcome.code] ?? 'check failed');
}

function validityOf(claims: DccClaims, nowSec: number, toleranceSec: number): Check {
  if (claims.iat !== undefined && claims.iat > nowSec + toleranceSec)
    return { ok: false, code: 'NOT_YET_VALID' };
  if (claims.exp <= nowSec - toleranceSec) return { ok: false, code: 'EXPIRED' };
  return { ok: true };
}

const GROUP_KEYS: Record<DccType, string> = { vaccination: 'v', test: 't', recovery: 'r' };
const CREDENTIAL_TYPES: Record<DccType, string> = {
  vaccination: 'VaccinationCertificate',
  test: 'TestCertificate',
  recovery: 'RecoveryCertificate',
};

/** The clock of a verification: the instant (ms), the leeway (s) and the report's `checkedAt`. */
export interface DccClock {
  now: number;
  toleranceSec: number;
  checkedAt: string;
}

/** The report of text that did not decode: the decoding check fails with the error's code. */
export function dccDecodingReport(error: CredentialError, checkedAt: string): VerificationReport {
  const report = new ReportBuilder();
  const code = (VERIFICATION_CODES as readonly string[]).includes(error.code)
    ? (error.code as VerificationCode)
    : 'DECODING_FAILED';
  report.fail('decoding', code, error.message);
  return report.build({ checkedAt }, 'dcc');
}

/**
 * The first step of every DCC verification, whatever decompresses and verifies: the clock (a clock
 * that is not a date is INVALID_ARGUMENT), and the text decoded with `decode`, or, when it does not
 * decode, the report saying why. An error that is not a CredentialError is a fault, and is thrown.
 */
export function startDccVerification(
  text: string,
  now: Date,
  toleranceSec: number | undefined,
  decode: (text: string) => DecodedDcc,
): { clock: DccClock; decoded: DecodedDcc } | { report: VerificationReport } {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new CredentialError('INVALID_ARGUMENT', 'the validation clock is not a date');
  const clock = {
    now: ms,
    toleranceSec: toleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC,
    checkedAt: isoString(ms),
  };
  try {
    return { clock, decoded: decode(text) };
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    return { report: dccDecodingReport(error, clock.checkedAt) };
  }
}

/** What the signer is checked against: the payload's types, its CWT period and the clock. */
export function dccSignerContext({ claims }: DecodedDcc, clock: DccClock): SignerContext {
  return {
    types: dccTypesOf(claims.hcert),
    exp: claims.exp * 1000,
    ...(claims.iat === undefined ? {} : { iat: claims.iat * 1000 }),
    now: clock.now,
    tolerance: clock.toleranceSec * 1000,
  };
}

/**
 * The report of a decoded DCC: the signer's outcome, the CWT's iat/exp at the clock, the EU DCC
 * schema 1.3.3, and what the officer reads (issuer, type, native payload, the record of a vaccination).
 * DCC revocation lists are out of scope, so `status` passes.
 */
export function dccReport(
  decoded: DecodedDcc,
  context: SignerContext,
  outcome: SignerOutcome,
  clock: DccClock,
): VerificationReport {
  const report = new ReportBuilder();
  report.pass('decoding');
  record(report, 'signature', outcome.signature);
  if (outcome.issuerTrusted !== undefined) record(report, 'issuerTrusted', outcome.issuerTrusted);
  record(report, 'validity', validityOf(decoded.claims, clock.now / 1000, clock.toleranceSec));
  report.pass('status');
  const schemaError = dccSchemaError(decoded.claims.hcert);
  if (schemaError === undefined) report.pass('schema');
  else report.fail('schema', 'SCHEMA_INVALID', `payload does not follow the EU DCC schema at ${schemaError}`);
  return report.build(
    reportFields(decoded, context.types, outcome.signer, schemaError === undefined, clock.checkedAt),
    'dcc',
  );
}

/** The report's view of a decoded DCC: issuer, type, native payload and, for a valid vaccination, the record. */
function reportFields(
  { cose, claims }: DecodedDcc,
  types: readonly DccType[],
  signer: DccSignerFacts | undefined,
  schemaValid: boolean,
  checkedAt: string,
): Omit<VerificationReport, 'verified' | 'checks' | 'errors' | 'format'> {
  // Only a trusted signer's country is a fact; the CWT's iss is the issuer's own word.
  const country = signer?.country ?? claims.iss ?? 'unknown';
  const [type, ...others] = types;
  const only = others.length === 0 ? type : undefined;
  const group = only === undefined ? undefined : claims.hcert[GROUP_KEYS[only]];
  const entry: unknown = Array.isArray(group) ? group[0] : undefined;
  const name =
    schemaValid && entry !== null && typeof entry === 'object' ? Reflect.get(entry, 'is') : undefined;
  const issuerName = typeof name === 'string' ? name : undefined;
  const kid = cose.kid === undefined ? undefined : base64Of(cose.kid);
  const vaccination = schemaValid
    ? dccVaccinationRecord(claims.hcert, {
        country,
        kid: kid ?? '',
        exp: claims.exp,
        ...(claims.iat === undefined ? {} : { iat: claims.iat }),
      })
    : undefined;
  // Assignments in the order the spreads used to give, without the copies spreads make.
  const issuer: NonNullable<VerificationReport['issuer']> = {};
  if (kid !== undefined) issuer.id = kid;
  issuer.country = country;
  if (signer !== undefined) issuer.economy = signer.country;
  if (issuerName !== undefined) issuer.name = issuerName;
  const fields: Omit<VerificationReport, 'verified' | 'checks' | 'errors' | 'format'> = {
    checkedAt,
    issuer,
    native: claims.hcert,
  };
  if (only !== undefined) fields.credentialType = CREDENTIAL_TYPES[only];
  if (vaccination !== undefined) fields.record = vaccination;
  return fields;
}
