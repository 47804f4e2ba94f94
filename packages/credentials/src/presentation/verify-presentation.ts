import { checkPresentationModel } from '@passage/schema';
import type { DecodedSecured } from '../jws/compact.js';
import type { VerificationKey } from '../jws/signature.js';
import type { VerificationReport } from '../report.js';
import { transactionMismatch } from '../verify/claims.js';
import { checkValidity, reportDecodingError } from '../verify/credential-checks.js';
import type { KeyChoice } from '../verify/key-choice.js';
import { DEFAULT_CLOCK_TOLERANCE_SEC, type KeyBindingPolicy, type VerifyOptions } from '../verify/options.js';
import { checkSignatureOf, verifyCredentialDetailed } from '../verify/verify.js';
import { PresentationReportBuilder } from './builder.js';
import { type PresentationClaims, presentationClaimsOf } from './claims.js';
import { firstNotHolders } from './holder-binding.js';
import { checkV1PresentationModel } from './jwt-vp.js';
import { decodePresentation, type PresentationEnvelope } from './locate.js';
import type { PresentationReport } from './report.js';

/** The most credentials one presentation may carry: each is verified, so this bounds the work. */
export const MAX_PRESENTED_CREDENTIALS = 32;

/** The security settings of a presentation's verification. */
export interface PresentationOptions extends Omit<VerifyOptions, 'keyBinding'> {
  /** The challenge the verifier gave the holder: the presentation's `nonce` must be it. */
  challenge?: string;
  /** The verifier's domain: the presentation's `aud` must name it. */
  domain?: string;
  /**
   * Every credential in the presentation must also carry its own key binding: be an SD-JWT with a key
   * binding JWT signed by its `cnf` key. Default: false, the presentation's proof binds them (see
   * {@link credentialKeyBinding}).
   */
  requireKeyBinding?: boolean;
  /**
   * Every credential in the presentation must have been issued to its holder: one of its subjects'
   * `id` is the holder, or its `cnf` key is the did:jwk or did:key holder's key (HOLDER_MISMATCH).
   * Default: false, as the VC Data Model has it: anyone may present a credential (a parent a child's).
   */
  requireHolderBinding?: boolean;
  /**
   * How each credential the presentation carries is verified, with the key binding asked of it.
   * Default: `verifyCredentialDetailed` with these options (offline: keys from the trust store, status
   * from `status`).
   */
  verifyCredential?: (
    credential: unknown,
    keyBinding: KeyBindingPolicy | undefined,
  ) => VerificationReport | Promise<VerificationReport>;
}

/**
 * The key binding asked of each credential in a presentation. The presentation's proof (the holder's
 * signature over its `nonce` and `aud`) already binds it, and every credential in it with exactly the
 * disclosures shown, to this transaction and this verifier: what an SD-JWT's key binding JWT does on
 * its own with `nonce`, `aud` and `sd_hash` (RFC 9901 §4.3; its drafts let the enclosing signed JWT
 * stand for the KB-JWT). So a KB-JWT is required only when the verifier asks (`requireKeyBinding`):
 * what the presentation's proof does not show is that its holder key is the one the issuer bound the
 * credential to (`cnf`). A KB-JWT that is there is checked, and must answer the presentation's challenge
 * and domain.
 */
export function credentialKeyBinding(options: PresentationOptions): KeyBindingPolicy | undefined {
  const { challenge, domain, requireKeyBinding = false } = options;
  if (challenge === undefined && domain === undefined && !requireKeyBinding) return undefined;
  return {
    required: requireKeyBinding,
    ...(challenge === undefined ? {} : { challenge }),
    ...(domain === undefined ? {} : { domain }),
  };
}

type Writer = PresentationReportBuilder;

// A holder is a traveller, not an issuer: its key comes with the presentation (did:jwk) or out of band.
const holderKeys = (found: KeyChoice<VerificationKey>): KeyChoice<VerificationKey> =>
  'code' in found && found.code === 'NOT_CHECKED'
    ? {
        code: 'KEY_NOT_FOUND',
        message: "the holder's key is neither given nor read from a did:jwk or did:key",
      }
    : found;

function checkHolderSignature(
  decoded: DecodedSecured,
  claims: PresentationClaims,
  options: PresentationOptions,
  report: Writer,
) {
  const { holder } = claims;
  if (holder === undefined) {
    report.fail('signature', 'KEY_NOT_FOUND', 'the presentation names no holder whose key could check it');
    return;
  }
  const trusted = options.trust.findIssuer(holder) !== undefined;
  checkSignatureOf(decoded, holder, trusted, options, report, holderKeys);
}

function checkTimesAndBinding(
  claims: PresentationClaims,
  now: number,
  options: PresentationOptions,
  report: Writer,
) {
  const toleranceMs = (options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC) * 1000;
  checkValidity(claims, now, toleranceMs, report, 'the presentation');
  if (!report.checks.validity.ok) return;
  const mismatch = transactionMismatch(claims, options, 'the presentation');
  if (mismatch) report.fail('validity', mismatch.code, mismatch.message);
}

function checkModel(claims: PresentationClaims, report: Writer) {
  const v1 = claims.securing === 'jwt';
  const issues = v1
    ? checkV1PresentationModel(claims.presentation)
    : checkPresentationModel(claims.presentation);
  if (issues.length === 0) report.pass('schema');
  else {
    const paths = [...new Set(issues.map((i) => i.path || '(root)'))].join(', ');
    const model = v1 ? '1.1' : '2.0';
    report.fail('schema', 'SCHEMA_INVALID', `the presentation breaks the VC Data Model ${model} at ${paths}`);
  }
}

async function checkCredentials(
  claims: PresentationClaims,
  options: PresentationOptions,
  report: Writer,
): Promise<VerificationReport[]> {
  const value = claims.presentation.verifiableCredential;
  const entries: unknown[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (entries.length > MAX_PRESENTED_CREDENTIALS) {
    report.fail(
      'credentials',
      'INPUT_TOO_LARGE',
      `a presentation carries at most ${MAX_PRESENTED_CREDENTIALS} credentials`,
    );
    return [];
  }
  const verifyOne =
    options.verifyCredential ??
    ((entry: unknown, keyBinding: KeyBindingPolicy | undefined) =>
      verifyCredentialDetailed(entry, keyBinding ? { ...options, keyBinding } : options).report);
  const keyBinding = credentialKeyBinding(options);
  const reports: VerificationReport[] = [];
  for (const entry of entries) reports.push(await verifyOne(entry, keyBinding));
  const failed = reports.findIndex((r) => !r.verified);
  const notHolders = options.requireHolderBinding ? firstNotHolders(reports, claims.holder) : -1;
  if (failed >= 0) {
    const code = reports[failed]?.errors[0]?.code ?? 'DECODING_FAILED';
    report.fail(
      'credentials',
      code,
      `credential ${failed + 1} of ${reports.length} does not verify (${code})`,
    );
  } else if (notHolders >= 0) {
    report.fail(
      'credentials',
      'HOLDER_MISMATCH',
      `credential ${notHolders + 1} of ${reports.length} was not issued to the presentation's holder`,
    );
  } else report.pass('credentials');
  return reports;
}

/**
 * Verifies a Verifiable Presentation secured with JOSE (VC-JOSE-COSE §3.1.2, `typ: vp+jwt`) or COSE
 * (§3.3.2, `application/vp+cose`), given as it is, in a data: URL or in an
 * `EnvelopedVerifiablePresentation` (see `decodePresentation`): the
 * holder's signature, the JWT's validity window (and the challenge and domain asked for), the
 * presentation's data model, and every credential it carries, each an enveloped credential that must
 * verify on its own (an SD-JWT's key binding as {@link credentialKeyBinding} says). Never throws for a bad presentation, and never touches the network.
 *
 * @example
 * const report = await verifyPresentation(vpJwt, { trust, now: new Date(), challenge });
 * if (!report.verified) console.log(report.errors.map((e) => e.code));
 */
export async function verifyPresentation(
  input: unknown,
  options: PresentationOptions,
): Promise<PresentationReport> {
  const report = new PresentationReportBuilder();
  const now = (options.now ?? new Date()).getTime();
  const checkedAt = new Date(now).toISOString();
  let envelope: PresentationEnvelope;
  let decoded: DecodedSecured;
  let claims: PresentationClaims;
  try {
    ({ envelope, decoded } = decodePresentation(input));
    claims = presentationClaimsOf(decoded);
    report.pass('decoding');
  } catch (error) {
    reportDecodingError(error, report);
    return report.build({ credentials: [], checkedAt });
  }
  checkHolderSignature(decoded, claims, options, report);
  checkTimesAndBinding(claims, now, options, report);
  checkModel(claims, report);
  const credentials = await checkCredentials(claims, options, report);
  return report.build({
    securing: claims.securing,
    envelope,
    presentation: claims.presentation,
    ...(claims.holder === undefined ? {} : { holder: claims.holder }),
    credentials,
    checkedAt,
  });
}
