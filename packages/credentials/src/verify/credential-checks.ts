import { isCredentialError, type VerificationCode } from '../errors.js';
import type { Envelope, StatusEntryReport, VerificationReport } from '../report.js';
import { checkTrustEntry } from '../trust/entry-check.js';
import type { PassageTrustEntry } from '../trust/trust-file.js';
import type { SecuredCredential } from './claims.js';
import type { KeyChoice } from './key-choice.js';
import type { CheckWriter, ReportBuilder } from './report-builder.js';
import type { SchemaOutcome } from './schema-check.js';

// The checks of a credential verification that decide codes, written to a report: the Node verifier
// (verify.ts) and the browser one (@passage/web-verify) call them around their own decoding and
// signature verification, so both give the same verdicts.

/** A verification report together with the typed subject, for callers that show it to an officer. */
export interface VerificationOutcome {
  report: VerificationReport;
  schema?: SchemaOutcome;
}

/**
 * Writes why decoding failed to `report`: the error's code, with argument and not-checked errors of
 * the decoders read as DECODING_FAILED. Anything but a `CredentialError` is a bug and is rethrown.
 */
export function reportDecodingError(error: unknown, report: CheckWriter<'decoding'>): void {
  if (!isCredentialError(error)) throw error;
  const code =
    error.code === 'INVALID_ARGUMENT' || error.code === 'NOT_CHECKED' ? 'DECODING_FAILED' : error.code;
  report.fail('decoding', code as VerificationCode, error.message);
}

/**
 * The JWS header's `alg` when it is one of `allowed`; otherwise fails the signature check with
 * ALGORITHM_NOT_ALLOWED and answers undefined.
 */
export function allowedAlgorithmOf(
  header: Record<string, unknown>,
  allowed: readonly string[],
  report: CheckWriter<'signature'>,
): string | undefined {
  const { alg } = header;
  if (typeof alg === 'string' && allowed.includes(alg)) return alg;
  report.fail('signature', 'ALGORITHM_NOT_ALLOWED', 'the JWS algorithm is not allowed');
  return undefined;
}

/**
 * The chosen keys of algorithm `alg`, to verify the signature with; when there are none, fails the
 * signature check (the choice's code, or ALGORITHM_NOT_ALLOWED) and answers undefined.
 */
export function signatureCandidates<K extends { alg: string }>(
  found: KeyChoice<K>,
  alg: string,
  report: CheckWriter<'signature'>,
): K[] | undefined {
  if ('code' in found) {
    report.fail('signature', found.code, found.message);
    return undefined;
  }
  const candidates = found.keys.filter((key) => key.alg === alg);
  if (candidates.length > 0) return candidates;
  report.fail('signature', 'ALGORITHM_NOT_ALLOWED', "the JWS algorithm does not match the issuer's key");
  return undefined;
}

/** Writes the signature check: passed when one candidate key verified it, SIGNATURE_INVALID when none did. */
export function reportSignature(valid: boolean, report: CheckWriter<'signature'>): void {
  if (valid) report.pass('signature');
  else report.fail('signature', 'SIGNATURE_INVALID', 'signature verification failed');
}

/** The issuer check: trusted, and its trust entry allows this credential at this time. */
export function checkIssuer(
  entry: PassageTrustEntry | undefined,
  secured: SecuredCredential,
  credentialType: string | undefined,
  now: number,
  report: ReportBuilder,
): void {
  if (!entry) {
    report.fail('issuerTrusted', 'ISSUER_NOT_TRUSTED', 'the issuer is not in the trust list');
    return;
  }
  const problem = checkTrustEntry(entry, {
    credentialType,
    issuedAt: secured.issuedAt ?? secured.validFrom,
    now,
  });
  if (problem) report.fail('issuerTrusted', problem.code, problem.message);
  else report.pass('issuerTrusted');
}

/** The validity window at `now`, with `toleranceMs` of leeway for clock skew. */
export function checkValidity(
  secured: Pick<SecuredCredential, 'validFrom' | 'validUntil'>,
  now: number,
  toleranceMs: number,
  report: CheckWriter<'validity'>,
  what = 'the credential',
): void {
  if (secured.validFrom !== undefined && now + toleranceMs < secured.validFrom) {
    report.fail('validity', 'NOT_YET_VALID', `${what} is not valid yet`);
  } else if (secured.validUntil !== undefined && now - toleranceMs > secured.validUntil) {
    report.fail('validity', 'EXPIRED', `${what} has expired`);
  } else {
    report.pass('validity');
  }
}

/** Writes the schema check and builds the report of a decoded credential. */
export function finishReport(
  report: ReportBuilder,
  envelope: Envelope,
  secured: SecuredCredential,
  entry: PassageTrustEntry | undefined,
  schema: SchemaOutcome,
  status: StatusEntryReport[] | undefined,
  checkedAt: string,
): VerificationOutcome {
  if (schema.check.ok) report.pass('schema');
  else report.fail('schema', schema.check.code, schema.message ?? 'the credential does not match its schema');
  return {
    report: report.build({
      envelope,
      securing: secured.securing,
      credential: secured.credential,
      issuer: { did: secured.issuer, ...(entry ? { name: entry.name, economy: entry.economy } : {}) },
      ...(schema.credentialType ? { credentialType: schema.credentialType } : {}),
      checkedAt,
      ...(status ? { status } : {}),
    }),
    schema,
  };
}
