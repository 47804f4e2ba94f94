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
import type { DccClaims } from './cwt.js';
import { type DecodedDcc, decodeDcc } from './decode.js';
import { type DccType, dccTypesOf } from './key-usage.js';
import { dccVaccinationRecord } from './record.js';
import { dccSchemaError } from './schema.js';
import { checkSigner } from './signer.js';
import type { DccSigner, DccTrust } from './trust.js';

/** The security settings of a DCC verification, all explicit. */
export interface VerifyDccOptions {
  /** Trusted document signer certificates, built once with `createDccTrust`. */
  trust: DccTrust;
  /** The validation clock. Default: now. */
  now?: Date;
  /** Leeway for clock skew, in seconds. Default: 60. */
  clockToleranceSec?: number;
}

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

/**
 * Verifies an EU Digital COVID Certificate (`HC1:` text): decoding, the COSE signature by a trusted
 * DSC found by kid, the DSC's validity (at the clock and over the certificate's iat–exp) and extended
 * key usage, the CWT's iat/exp at the clock and the EU DCC schema 1.3.3. Never throws for a bad certificate: the report says what failed.
 * DCC revocation lists are out of scope, so `status` passes.
 *
 * @example
 * const { trust } = createDccTrust(entries);
 * const report = verifyDcc(scanned, { trust, now: new Date('2021-06-01T00:00:00Z') });
 * if (report.verified) show(report.record);
 */
export function verifyDcc(text: string, options: VerifyDccOptions): VerificationReport {
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime()))
    throw new CredentialError('INVALID_ARGUMENT', 'the validation clock is not a date');
  const toleranceSec = options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
  const report = new ReportBuilder();
  const checkedAt = isoString(now.getTime());
  let decoded: DecodedDcc;
  try {
    decoded = decodeDcc(text);
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    const code = (VERIFICATION_CODES as readonly string[]).includes(error.code)
      ? (error.code as VerificationCode)
      : 'DECODING_FAILED';
    report.fail('decoding', code, error.message);
    return report.build({ checkedAt }, 'dcc');
  }
  report.pass('decoding');
  const { cose, claims } = decoded;
  const types = dccTypesOf(claims.hcert);
  const outcome = checkSigner(cose, options.trust, {
    types,
    exp: claims.exp * 1000,
    ...(claims.iat === undefined ? {} : { iat: claims.iat * 1000 }),
    now: now.getTime(),
    tolerance: toleranceSec * 1000,
  });
  record(report, 'signature', outcome.signature);
  if (outcome.issuerTrusted !== undefined) record(report, 'issuerTrusted', outcome.issuerTrusted);
  record(report, 'validity', validityOf(claims, now.getTime() / 1000, toleranceSec));
  report.pass('status');
  const schemaError = dccSchemaError(claims.hcert);
  if (schemaError === undefined) report.pass('schema');
  else report.fail('schema', 'SCHEMA_INVALID', `payload does not follow the EU DCC schema at ${schemaError}`);

  return report.build(
    reportFields(decoded, types, outcome.signer, schemaError === undefined, checkedAt),
    'dcc',
  );
}

/** The report's view of a decoded DCC: issuer, type, native payload and, for a valid vaccination, the record. */
function reportFields(
  { cose, claims }: DecodedDcc,
  types: readonly DccType[],
  signer: DccSigner | undefined,
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
  const kid = cose.kid === undefined ? undefined : Buffer.from(cose.kid).toString('base64');
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
