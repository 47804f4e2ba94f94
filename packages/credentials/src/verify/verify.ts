import type { Resolvable } from 'did-resolver';
import { isCredentialError } from '../errors.js';
import type { DecodedJws } from '../jws/compact.js';
import { SUPPORTED_ALGORITHMS, signatureIsValid } from '../jws/signature.js';
import type { Envelope, VerificationReport } from '../report.js';
import type { StatusListCache } from '../status/cache.js';
import { checkTrustEntry } from '../trust/entry-check.js';
import { type SecuredCredential, securedCredentialOf } from './claims.js';
import { extractDecodedJws } from './input.js';
import { keyForSignature } from './keys.js';
import { DEFAULT_CLOCK_TOLERANCE_SEC, type VerifyOptions } from './options.js';
import { ReportBuilder } from './report-builder.js';
import { withResolvedKeys } from './resolve-keys.js';
import { checkSchema, type SchemaOutcome } from './schema-check.js';
import { checkStatus, statusListUrlsOf } from './status-check.js';

function decode(input: unknown, report: ReportBuilder) {
  try {
    const { envelope, decoded } = extractDecodedJws(input);
    const secured = securedCredentialOf(decoded);
    report.pass('decoding');
    return { envelope, decoded, secured };
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    const code =
      error.code === 'INVALID_ARGUMENT' || error.code === 'NOT_CHECKED' ? 'DECODING_FAILED' : error.code;
    report.fail('decoding', code as Parameters<ReportBuilder['fail']>[1], error.message);
    return undefined;
  }
}

function checkSignature(
  decoded: DecodedJws,
  secured: SecuredCredential,
  trusted: boolean,
  options: VerifyOptions,
  report: ReportBuilder,
) {
  const allowed = options.algorithms ?? SUPPORTED_ALGORITHMS;
  const { alg, kid } = decoded.header;
  if (typeof alg !== 'string' || !(allowed as readonly string[]).includes(alg)) {
    return report.fail('signature', 'ALGORITHM_NOT_ALLOWED', 'the JWS algorithm is not allowed');
  }
  const found = keyForSignature(options.trust, secured.issuer, kid, trusted);
  if ('code' in found) return report.fail('signature', found.code, found.message);
  const candidates = found.keys.filter((key) => key.alg === alg);
  if (candidates.length === 0) {
    return report.fail(
      'signature',
      'ALGORITHM_NOT_ALLOWED',
      "the JWS algorithm does not match the issuer's key",
    );
  }
  if (!candidates.some((key) => signatureIsValid(decoded, key))) {
    return report.fail('signature', 'SIGNATURE_INVALID', 'signature verification failed');
  }
  report.pass('signature');
}

function checkValidity(secured: SecuredCredential, now: number, toleranceMs: number, report: ReportBuilder) {
  if (secured.validFrom !== undefined && now + toleranceMs < secured.validFrom) {
    return report.fail('validity', 'NOT_YET_VALID', 'the credential is not valid yet');
  }
  if (secured.validUntil !== undefined && now - toleranceMs > secured.validUntil) {
    return report.fail('validity', 'EXPIRED', 'the credential has expired');
  }
  report.pass('validity');
}

function checkIssuer(
  entry: ReturnType<VerifyOptions['trust']['findIssuer']>,
  secured: SecuredCredential,
  credentialType: string | undefined,
  now: number,
  report: ReportBuilder,
) {
  if (!entry)
    return report.fail('issuerTrusted', 'ISSUER_NOT_TRUSTED', 'the issuer is not in the trust list');
  const problem = checkTrustEntry(entry, {
    credentialType,
    issuedAt: secured.issuedAt ?? secured.validFrom,
    now,
  });
  if (problem) return report.fail('issuerTrusted', problem.code, problem.message);
  report.pass('issuerTrusted');
}

/** A verification report together with the typed subject, for callers that show it to an officer. */
export interface VerificationOutcome {
  report: VerificationReport;
  schema?: SchemaOutcome;
}

/**
 * Verifies a Passage credential given as QR text, a compact JWS (`vc+jwt` or VC 1.1 `JWT`), a
 * `data:application/vc+jwt,` URL or an enveloped credential. Never throws for a bad credential and
 * never touches the network: keys come from the trust store (or from a did:jwk itself).
 *
 * @example
 * const { report } = verifyCredentialDetailed(qrText, { trust, now: new Date() });
 * if (!report.verified) console.log(report.errors.map((e) => e.code));
 */
export function verifyCredentialDetailed(input: unknown, options: VerifyOptions): VerificationOutcome {
  const report = new ReportBuilder();
  return verifyDecoded(decode(input, report), report, options);
}

/**
 * The checks after decoding; `decoded` is undefined when decoding failed (the report says why).
 * `signatureChecked` skips a signature check the caller has already written to `report`.
 */
function verifyDecoded(
  decoded: ReturnType<typeof decode>,
  report: ReportBuilder,
  options: VerifyOptions,
  signatureChecked = false,
): VerificationOutcome {
  const now = (options.now ?? new Date()).getTime();
  const checkedAt = new Date(now).toISOString();
  if (!decoded) return { report: report.build({ checkedAt }) };
  const { envelope, secured } = decoded;
  const entry = options.trust.findIssuer(secured.issuer);
  const schema = checkSchema(secured, now);
  if (!signatureChecked) checkSignature(decoded.decoded, secured, entry !== undefined, options, report);
  checkIssuer(entry, secured, schema.credentialType, now, report);
  checkValidity(secured, now, (options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC) * 1000, report);
  const status = checkStatus(
    secured.credential,
    { issuer: secured.issuer, trust: options.trust, status: options.status },
    report,
  );
  if (schema.check.ok) report.pass('schema');
  else report.fail('schema', schema.check.code, schema.message ?? 'the credential does not match its schema');
  return {
    report: report.build({
      envelope: envelope satisfies Envelope,
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

/** Verifies a credential and answers the report. See {@link verifyCredentialDetailed}. */
export function verifyCredential(input: unknown, options: VerifyOptions): VerificationReport {
  return verifyCredentialDetailed(input, options).report;
}

/**
 * Like {@link verifyCredentialDetailed}, but a trusted issuer whose trust entry lists no keys has its
 * keys resolved from its DID document through `resolver` first, and, given `statusLists`, the
 * credential's revocation and suspension lists are brought up to date before the checks read them.
 * Untrusted DIDs are never resolved, and an untrusted issuer's lists never fetched.
 */
export async function verifyCredentialResolving(
  input: unknown,
  options: VerifyOptions & { resolver: Resolvable; statusLists?: StatusListCache },
): Promise<VerificationOutcome> {
  // Decode once: the resolution step, the prefetch and the checks share the decoded credential.
  const report = new ReportBuilder();
  const decoded = decode(input, report);
  const { resolver: _resolver, statusLists, ...verifyOptions } = options;
  if (!decoded) return verifyDecoded(decoded, report, verifyOptions);
  const { issuer, credential } = decoded.secured;
  const trust = await withResolvedKeys(options.trust, issuer, options.resolver);
  const status = options.status ?? statusLists;
  const checked = { ...verifyOptions, trust, ...(status ? { status } : {}) };
  const trusted = trust.findIssuer(issuer) !== undefined;
  // The signature first: URLs in a credential its trusted issuer did not sign are never fetched.
  checkSignature(decoded.decoded, decoded.secured, trusted, checked, report);
  if (statusLists && trusted && report.checks.signature.ok) {
    await statusLists.prefetch(statusListUrlsOf(credential), trust);
  }
  return verifyDecoded(decoded, report, checked, true);
}
