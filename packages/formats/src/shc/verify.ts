import { verify as verifySignature } from 'node:crypto';
import {
  CredentialError,
  isCredentialError,
  ReportBuilder,
  VERIFICATION_CODES,
  type VerificationCode,
  type VerificationReport,
} from '@passage/credentials/pure';
import { isoString } from '../internal/iso-date.js';
import { type ShcClaims, shcClaimsSchema } from './claims.js';
import { isShcClaimsAsIs } from './claims-compiled.js';
import { decodeShcJws, type ShcJws } from './jws.js';
import { isShcText, joinShcChunks, MAX_SHC_JWS_LENGTH } from './numeric.js';
import { shcRecord } from './record.js';
import { checkShcRevocation } from './revocation.js';
import { prepareShcTrust, type ShcIssuer, type ShcKey, type ShcTrust } from './trust.js';

/** The security settings of a SMART Health Card verification, all explicit. */
export interface ShcVerifyOptions {
  /** Trusted issuers: prepared with {@link prepareShcTrust}, or trust-list entries (non-SHC ones skipped). */
  trust: ShcTrust | readonly unknown[];
  /** The instant to validate against. Default: now. */
  now?: Date;
  /** Leeway for clock skew, in seconds. Default: 60. */
  clockToleranceSec?: number;
}

const ES256_SIGNATURE_BYTES = 64;

/** What a verifier fills in of a report (ReportBuilder adds the verdict, checks and errors). */
type ReportFields = Omit<VerificationReport, 'verified' | 'checks' | 'errors' | 'format'>;
type IssuerInfo = NonNullable<VerificationReport['issuer']>;

function asVerificationCode(code: string): VerificationCode {
  return (VERIFICATION_CODES as readonly string[]).includes(code)
    ? (code as VerificationCode)
    : 'DECODING_FAILED';
}

// A compact JWS (from a .smart-health-card file), accepted beside scanned shc:/ texts.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function jwsOf(input: string | readonly string[]): string {
  const texts = typeof input === 'string' ? [input] : input;
  const only = texts.length === 1 ? (texts[0] ?? '').trim() : undefined;
  if (only === undefined || isShcText(only)) return joinShcChunks(texts);
  if (only.length > MAX_SHC_JWS_LENGTH) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  if (!COMPACT_JWS.test(only)) {
    throw new CredentialError('INVALID_PREFIX', 'a SMART Health Card starts with shc:/ or is a compact JWS');
  }
  return only;
}

function decode(input: string | readonly string[], report: ReportBuilder): ShcJws | undefined {
  try {
    const decoded = decodeShcJws(jwsOf(input));
    report.pass('decoding');
    return decoded;
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    report.fail('decoding', asVerificationCode(error.code), error.message);
    return undefined;
  }
}

function checkSignature(decoded: ShcJws, issuer: ShcIssuer, report: ReportBuilder): ShcKey | undefined {
  const { header } = decoded;
  if (header.alg !== 'ES256') {
    report.fail('signature', 'ALGORITHM_NOT_ALLOWED', 'SMART Health Cards are signed with ES256');
    return undefined;
  }
  const key = typeof header.kid === 'string' ? issuer.keys.get(header.kid) : undefined;
  if (!key) {
    report.fail('signature', 'KEY_NOT_FOUND', 'the issuer has no key with this kid');
    return undefined;
  }
  const valid =
    decoded.signature.length === ES256_SIGNATURE_BYTES &&
    verifySignature(
      'sha256',
      Buffer.from(decoded.signingInput, 'latin1'),
      { key: key.key, dsaEncoding: 'ieee-p1363' },
      decoded.signature,
    );
  if (valid) report.pass('signature');
  else report.fail('signature', 'SIGNATURE_INVALID', 'signature verification failed');
  return key;
}

function checkValidity(claims: ShcClaims, nowSec: number, toleranceSec: number, report: ReportBuilder): void {
  if (claims.nbf > nowSec + toleranceSec)
    report.fail('validity', 'NOT_YET_VALID', 'the card is not valid yet');
  else if (claims.exp !== undefined && claims.exp < nowSec - toleranceSec) {
    report.fail('validity', 'EXPIRED', 'the card has expired');
  } else report.pass('validity');
}

/**
 * Verifies a SMART Health Card: a scanned `shc:/` text, every chunk of a legacy chunked card (any
 * order), or the compact JWS itself. Synchronous and offline: keys and revocation lists come from the
 * trust entries only. Returns a report; never throws for a bad card.
 *
 * @example
 * const report = verifyShc(scanned, { trust: trustEntries, now: new Date() });
 * if (report.verified) show(report.record);
 */
export function verifyShc(input: string | readonly string[], options: ShcVerifyOptions): VerificationReport {
  const report = new ReportBuilder();
  const nowMs = (options.now ?? new Date()).getTime();
  const checkedAt = isoString(nowMs);
  const envelope = typeof input !== 'string' || isShcText(input) ? 'qr' : 'jws';
  const fields = { envelope, securing: 'jwt', checkedAt } as const;
  const decoded = decode(input, report);
  if (!decoded) return report.build(fields, 'shc');
  const trust =
    options.trust instanceof Map ? options.trust : prepareShcTrust(options.trust as readonly unknown[]);

  // The compiled check takes well-formed claims as they are; zod decides anything else.
  const parsed = isShcClaimsAsIs(decoded.payload)
    ? { success: true as const, data: decoded.payload }
    : shcClaimsSchema.safeParse(decoded.payload);
  const iss = typeof decoded.payload.iss === 'string' ? decoded.payload.iss : undefined;
  const issuer = iss === undefined ? undefined : trust.get(iss);
  if (issuer) report.pass('issuerTrusted');
  else {
    report.fail('issuerTrusted', 'ISSUER_NOT_TRUSTED', 'the card issuer is not in the trust list');
    report.fail('signature', 'KEY_NOT_FOUND', 'no keys are held for an untrusted issuer');
  }
  const key = issuer ? checkSignature(decoded, issuer, report) : undefined;
  if (!parsed.success) {
    report.fail('schema', 'SCHEMA_INVALID', 'the card claims are not a SMART Health Card');
    return report.build({ ...fields, native: { header: decoded.header } }, 'shc');
  }
  const claims = parsed.data;
  checkValidity(claims, nowMs / 1000, options.clockToleranceSec ?? 60, report);
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
