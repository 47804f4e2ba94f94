import {
  allowedAlgorithmOf,
  checkIssuer,
  checkSchema,
  checkValidity,
  finishReport,
  isSelfCertifyingDid,
  ReportBuilder,
  reportDecodingError,
  reportSignature,
  signatureCandidates,
  type VerificationOutcome,
} from './credentials.js';
import { type Decoded, decodeInput } from './input.js';
import { didJwkKey, keyForSignature } from './keys.js';
import { checkStatus } from './status-check.js';
import type { StatusSource } from './status-source.js';
import type { WebTrustStore } from './trust-store.js';
import { SUPPORTED_ALGORITHMS, signatureIsValid } from './web-crypto.js';

/** What one verification reads besides the credential. */
export interface CredentialCheckOptions {
  trust: WebTrustStore;
  status: StatusSource;
  now: number;
  clockToleranceMs: number;
}

function decode(input: unknown, report: ReportBuilder): Decoded | undefined {
  try {
    const decoded = decodeInput(input);
    report.pass('decoding');
    return decoded;
  } catch (error) {
    reportDecodingError(error, report);
    return undefined;
  }
}

/** The signature check of the Node verifier, with Web Crypto (asynchronous) verifying. */
async function checkSignature(
  decoded: Decoded,
  trusted: boolean,
  trust: WebTrustStore,
  report: ReportBuilder,
) {
  const { header, signingInput, signature } = decoded.jws;
  const { issuer } = decoded.secured;
  const alg = allowedAlgorithmOf(header, SUPPORTED_ALGORITHMS, report);
  if (alg === undefined) return;
  const selfCertified = !trusted && isSelfCertifyingDid(issuer) ? await didJwkKey(issuer) : undefined;
  const candidates = signatureCandidates(
    keyForSignature(trust, issuer, header.kid, trusted, selfCertified),
    alg,
    report,
  );
  if (!candidates) return;
  let valid = false;
  for (const key of candidates) {
    valid = await signatureIsValid(key, signingInput, signature);
    if (valid) break;
  }
  reportSignature(valid, report);
}

/**
 * Verifies a Passage credential with the checks, order and codes of `verifyCredentialResolving` in
 * `@passage/credentials`, reading keys and status lists from the bundle only. Never throws for a bad
 * credential.
 */
export async function verifyCredentialWeb(
  input: unknown,
  options: CredentialCheckOptions,
): Promise<VerificationOutcome> {
  const report = new ReportBuilder();
  const { now, trust } = options;
  const checkedAt = new Date(now).toISOString();
  const decoded = decode(input, report);
  if (!decoded) return { report: report.build({ checkedAt }) };
  const { secured } = decoded;
  const entry = trust.findIssuer(secured.issuer);
  await checkSignature(decoded, entry !== undefined, trust, report);
  const schema = checkSchema(secured, now);
  checkIssuer(entry, secured, schema.credentialType, now, report);
  checkValidity(secured, now, options.clockToleranceMs, report);
  const status = checkStatus(
    secured.credential,
    { issuer: secured.issuer, trust, status: options.status, now },
    report,
  );
  return finishReport(report, decoded.envelope, secured, entry, schema, status, checkedAt);
}
