import {
  CredentialError,
  checkSchema,
  checkTrustEntry,
  type PassageTrustEntry,
  ReportBuilder,
  type SchemaOutcome,
  type SecuredCredential,
  type VerificationCode,
  type VerificationReport,
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
    if (!(error instanceof CredentialError)) throw error;
    const code: VerificationCode =
      error.code === 'INVALID_ARGUMENT' || error.code === 'NOT_CHECKED'
        ? 'DECODING_FAILED'
        : (error.code as VerificationCode);
    report.fail('decoding', code, error.message);
    return undefined;
  }
}

async function checkSignature(
  decoded: Decoded,
  trusted: boolean,
  trust: WebTrustStore,
  report: ReportBuilder,
) {
  const { alg, kid } = decoded.jws.header;
  const { issuer } = decoded.secured;
  if (typeof alg !== 'string' || !(SUPPORTED_ALGORITHMS as readonly string[]).includes(alg)) {
    return report.fail('signature', 'ALGORITHM_NOT_ALLOWED', 'the JWS algorithm is not allowed');
  }
  const selfCertified = !trusted && issuer.startsWith('did:jwk:') ? await didJwkKey(issuer) : undefined;
  const found = keyForSignature(trust, issuer, kid, trusted, selfCertified);
  if ('code' in found) return report.fail('signature', found.code, found.message);
  const candidates = found.keys.filter((key) => key.alg === alg);
  if (candidates.length === 0) {
    return report.fail(
      'signature',
      'ALGORITHM_NOT_ALLOWED',
      "the JWS algorithm does not match the issuer's key",
    );
  }
  for (const key of candidates) {
    if (await signatureIsValid(key, decoded.jws.signingInput, decoded.jws.signature)) {
      return report.pass('signature');
    }
  }
  report.fail('signature', 'SIGNATURE_INVALID', 'signature verification failed');
}

function checkIssuer(
  entry: PassageTrustEntry | undefined,
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

function checkValidity(secured: SecuredCredential, now: number, toleranceMs: number, report: ReportBuilder) {
  if (secured.validFrom !== undefined && now + toleranceMs < secured.validFrom) {
    return report.fail('validity', 'NOT_YET_VALID', 'the credential is not valid yet');
  }
  if (secured.validUntil !== undefined && now - toleranceMs > secured.validUntil) {
    return report.fail('validity', 'EXPIRED', 'the credential has expired');
  }
  report.pass('validity');
}

/**
 * Verifies a Passage credential with the checks, order and codes of `verifyCredentialResolving` in
 * `@passage/credentials`, reading keys and status lists from the bundle only. Never throws for a bad
 * credential.
 */
export async function verifyCredentialWeb(
  input: unknown,
  options: CredentialCheckOptions,
): Promise<{ report: VerificationReport; schema?: SchemaOutcome }> {
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
  if (schema.check.ok) report.pass('schema');
  else report.fail('schema', schema.check.code, schema.message ?? 'the credential does not match its schema');
  return {
    report: report.build({
      envelope: decoded.envelope,
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
