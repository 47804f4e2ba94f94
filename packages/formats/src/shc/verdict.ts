// The verdict of a SMART Health Card verification, shared by the Node verifier (./verify.ts) and the
// browser's: reading the input, the claims, issuer, key choice, validity, revocation and record
// checks, and the report. Only the ES256 check itself (and the codec behind decoding) is the
// platform's: it runs between readShcCard and finishShcReport, so a platform may do it asynchronously.
import {
  CredentialError,
  isCredentialError,
  ReportBuilder,
  VERIFICATION_CODES,
  type VerificationCode,
  type VerificationReport,
} from '@passage/credentials/pure';
import { isoString } from '../internal/iso-date.js';
import { MAX_SHC_JWS_LENGTH } from './chunks.js';
import { type ShcClaims, shcClaimsSchema } from './claims.js';
import { isShcClaimsAsIs } from './claims-compiled.js';
import type { ShcJwsOf } from './compact.js';
import { isShcText } from './prefix.js';
import { shcRecord } from './record.js';
import { checkShcRevocation } from './revocation.js';
import type { ShcIssuerOf, ShcKeyOf, ShcTrustOf } from './trust-list.js';

/** How a platform turns scanned texts into a compact JWS, and a compact JWS into its parts. */
export interface ShcInputDecoder<B extends Uint8Array> {
  joinChunks(chunks: readonly string[]): string;
  decodeJws(jws: string): ShcJwsOf<B>;
}

/** A verification once its input is decoded (or not: `decoded` undefined, `decoding` failed). */
export interface ShcDecodeStep<B extends Uint8Array> {
  readonly report: ReportBuilder;
  readonly envelope: 'qr' | 'jws';
  readonly checkedAt: string;
  readonly nowMs: number;
  readonly decoded: ShcJwsOf<B> | undefined;
}

/** A verification whose signature remains to be checked, with `key` when there is one to check. */
export interface ShcCardStep<K, B extends Uint8Array> extends ShcDecodeStep<B> {
  readonly decoded: ShcJwsOf<B>;
  readonly claims: ShcClaims | undefined;
  readonly issuer: ShcIssuerOf<K> | undefined;
  readonly key: ShcKeyOf<K> | undefined;
}

/** What a verifier fills in of a report (ReportBuilder adds the verdict, checks and errors). */
type ReportFields = Omit<VerificationReport, 'verified' | 'checks' | 'errors' | 'format'>;
type IssuerInfo = NonNullable<VerificationReport['issuer']>;

/** The ES256 signature of a compact JWS is 64 bytes (r‖s). */
export const ES256_SIGNATURE_BYTES = 64;

function asVerificationCode(code: string): VerificationCode {
  return (VERIFICATION_CODES as readonly string[]).includes(code)
    ? (code as VerificationCode)
    : 'DECODING_FAILED';
}

// A compact JWS (from a .smart-health-card file), accepted beside scanned shc:/ texts.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function jwsOf(input: string | readonly string[], joinChunks: (chunks: readonly string[]) => string): string {
  const texts = typeof input === 'string' ? [input] : input;
  const only = texts.length === 1 ? (texts[0] ?? '').trim() : undefined;
  if (only === undefined || isShcText(only)) return joinChunks(texts);
  if (only.length > MAX_SHC_JWS_LENGTH) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  if (!COMPACT_JWS.test(only)) {
    throw new CredentialError('INVALID_PREFIX', 'a SMART Health Card starts with shc:/ or is a compact JWS');
  }
  return only;
}

/**
 * Starts a verification: decodes a scanned `shc:/` text, every chunk of a legacy chunked card, or a
 * compact JWS, and records the decoding check. A decoding failure is reported, not thrown.
 */
export function decodeShcCard<B extends Uint8Array>(
  input: string | readonly string[],
  nowMs: number,
  decoder: ShcInputDecoder<B>,
): ShcDecodeStep<B> {
  const report = new ReportBuilder();
  const checkedAt = isoString(nowMs);
  const envelope = typeof input !== 'string' || isShcText(input) ? 'qr' : 'jws';
  let decoded: ShcJwsOf<B> | undefined;
  try {
    decoded = decoder.decodeJws(jwsOf(input, decoder.joinChunks));
    report.pass('decoding');
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    report.fail('decoding', asVerificationCode(error.code), error.message);
  }
  return { report, envelope, checkedAt, nowMs, decoded };
}

/** The report of a card that did not decode. */
export function undecodedShcReport<B extends Uint8Array>(step: ShcDecodeStep<B>): VerificationReport {
  return step.report.build({ envelope: step.envelope, securing: 'jwt', checkedAt: step.checkedAt }, 'shc');
}

/**
 * Reads a decoded card's claims and finds its issuer and key: records `issuerTrusted`, and fails
 * `signature` when the issuer is unknown, the algorithm is not ES256 or no key has the card's kid.
 * Otherwise `key` is the one to check the signature with, before {@link finishShcReport}.
 */
export function readShcCard<K, B extends Uint8Array>(
  step: ShcDecodeStep<B>,
  decoded: ShcJwsOf<B>,
  trust: ShcTrustOf<K>,
): ShcCardStep<K, B> {
  const { report } = step;
  // The compiled check takes well-formed claims as they are; zod decides anything else.
  let claims: ShcClaims | undefined;
  if (isShcClaimsAsIs(decoded.payload)) claims = decoded.payload;
  else {
    const parsed = shcClaimsSchema.safeParse(decoded.payload);
    if (parsed.success) claims = parsed.data;
  }
  const iss = typeof decoded.payload.iss === 'string' ? decoded.payload.iss : undefined;
  const issuer = iss === undefined ? undefined : trust.get(iss);
  let key: ShcKeyOf<K> | undefined;
  if (!issuer) {
    report.fail('issuerTrusted', 'ISSUER_NOT_TRUSTED', 'the card issuer is not in the trust list');
    report.fail('signature', 'KEY_NOT_FOUND', 'no keys are held for an untrusted issuer');
  } else {
    report.pass('issuerTrusted');
    const { header } = decoded;
    if (header.alg !== 'ES256') {
      report.fail('signature', 'ALGORITHM_NOT_ALLOWED', 'SMART Health Cards are signed with ES256');
    } else {
      key = typeof header.kid === 'string' ? issuer.keys.get(header.kid) : undefined;
      if (!key) report.fail('signature', 'KEY_NOT_FOUND', 'the issuer has no key with this kid');
    }
  }
  const { envelope, checkedAt, nowMs } = step;
  return { report, envelope, checkedAt, nowMs, decoded, claims, issuer, key };
}

function checkValidity(claims: ShcClaims, nowSec: number, toleranceSec: number, report: ReportBuilder): void {
  if (claims.nbf > nowSec + toleranceSec)
    report.fail('validity', 'NOT_YET_VALID', 'the card is not valid yet');
  else if (claims.exp !== undefined && claims.exp < nowSec - toleranceSec) {
    report.fail('validity', 'EXPIRED', 'the card has expired');
  } else report.pass('validity');
}

/**
 * Completes the report: the signature's outcome (`signatureValid`, meaningful only when the card step
 * has a `key`), then the claims, validity, revocation and record.
 */
export function finishShcReport<K, B extends Uint8Array>(
  card: ShcCardStep<K, B>,
  signatureValid: boolean,
  clockToleranceSec: number,
): VerificationReport {
  const { report, decoded, claims, issuer, key, envelope, checkedAt } = card;
  if (key) {
    if (signatureValid) report.pass('signature');
    else report.fail('signature', 'SIGNATURE_INVALID', 'signature verification failed');
  }
  const fields = { envelope, securing: 'jwt', checkedAt } as const;
  if (claims === undefined) {
    report.fail('schema', 'SCHEMA_INVALID', 'the card claims are not a SMART Health Card');
    return report.build({ ...fields, native: { header: decoded.header } }, 'shc');
  }
  checkValidity(claims, card.nowMs / 1000, clockToleranceSec, report);
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  if (key && issuer) {
    const outcome = checkShcRevocation(
      { rid: claims.vc.rid, nbf: claims.nbf },
      key,
      issuer.crls.get(kid ?? ''),
    );
    if (outcome.ok) report.pass('status');
    else report.fail('status', outcome.code, outcome.message);
  }
  const mapped = shcRecord(claims, decoded.signature, kid);
  if (mapped.ok) report.pass('schema');
  else report.fail('schema', 'SCHEMA_INVALID', mapped.message);
  // Assignments in the order the spreads used to give, without the copies spreads make.
  const native: Record<string, unknown> = { iss: claims.iss, nbf: claims.nbf };
  if (claims.exp !== undefined) native.exp = claims.exp;
  if (kid !== undefined) native.kid = kid;
  if (claims.vc.rid !== undefined) native.rid = claims.vc.rid;
  native.types = claims.vc.type;
  native.fhirVersion = claims.vc.credentialSubject.fhirVersion;
  native.fhirBundle = claims.vc.credentialSubject.fhirBundle;
  const issuerInfo: IssuerInfo = { id: claims.iss };
  if (issuer?.name !== undefined) issuerInfo.name = issuer.name;
  const result: ReportFields = { envelope, securing: 'jwt', checkedAt, issuer: issuerInfo, native };
  if (mapped.ok && mapped.record) {
    result.record = mapped.record;
    result.credentialType = 'VaccinationCertificate';
  }
  return report.build(result, 'shc');
}
