import type { Resolvable } from 'did-resolver';
import type { DecodedSecured } from '../jws/compact.js';
import { SUPPORTED_ALGORITHMS, signatureIsValid, type VerificationKey } from '../jws/signature.js';
import type { VerificationReport } from '../report.js';
import { checkKeyBinding } from '../sd-jwt/key-binding.js';
import type { StatusListCache } from '../status/cache.js';
import { securedCredentialOf } from './claims.js';
import {
  allowedAlgorithmOf,
  checkIssuer,
  checkValidity,
  finishReport,
  reportDecodingError,
  reportSignature,
  signatureCandidates,
  type VerificationOutcome,
} from './credential-checks.js';
import { extractDecodedJws } from './input.js';
import type { KeyChoice } from './key-choice.js';
import { keyForSignature } from './keys.js';
import { DEFAULT_CLOCK_TOLERANCE_SEC, type VerifyOptions } from './options.js';
import { type CheckWriter, ReportBuilder } from './report-builder.js';
import { withResolvedKeys } from './resolve-keys.js';
import { checkSchema } from './schema-check.js';
import { checkStatus, statusListUrlsOf } from './status-check.js';

export type { VerificationOutcome } from './credential-checks.js';

function decode(input: unknown, report: ReportBuilder) {
  try {
    const { envelope, decoded, binding } = extractDecodedJws(input);
    const secured = securedCredentialOf(decoded);
    report.pass('decoding');
    // One shape whatever the input (binding is undefined but for an SD-JWT), for the checks after.
    return { envelope, decoded, binding, secured };
  } catch (error) {
    reportDecodingError(error, report);
    return undefined;
  }
}

const asChosen = (found: KeyChoice<VerificationKey>) => found;

/**
 * Checks the signature of `decoded` with the keys of `signer` (a credential's issuer, a
 * presentation's holder): the trust store's when `trusted`, a did:jwk's own otherwise. `choose` may
 * answer differently where no key was chosen.
 */
export function checkSignatureOf(
  decoded: DecodedSecured,
  signer: string,
  trusted: boolean,
  options: VerifyOptions,
  report: CheckWriter<'signature'>,
  choose: (found: KeyChoice<VerificationKey>) => KeyChoice<VerificationKey> = asChosen,
): void {
  const alg = allowedAlgorithmOf(decoded.header, options.algorithms ?? SUPPORTED_ALGORITHMS, report);
  if (alg === undefined) return;
  const found = choose(keyForSignature(options.trust, signer, decoded.header.kid, trusted));
  const candidates = signatureCandidates(found, alg, report);
  if (candidates)
    reportSignature(
      candidates.some((key) => signatureIsValid(decoded, key)),
      report,
    );
}

/**
 * Verifies a Passage credential given as QR text, a compact JWS (`vc+jwt` or VC 1.1 `JWT`), a
 * `data:application/vc+jwt,` URL or an enveloped credential (or one secured with SD-JWT or COSE).
 * Never throws for a bad credential and never touches the network: keys come from the trust store
 * (or from a did:jwk itself). An SD-JWT's key binding is held to `options.keyBinding`.
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
  if (!signatureChecked)
    checkSignatureOf(decoded.decoded, secured.issuer, entry !== undefined, options, report);
  checkIssuer(entry, secured, schema.credentialType, now, report);
  checkValidity(secured, now, (options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC) * 1000, report);
  // Only an SD-JWT carries a key binding, and only a policy can require one.
  if (decoded.binding !== undefined || options.keyBinding !== undefined)
    checkKeyBinding(decoded.binding, options, report);
  const status = checkStatus(
    secured.credential,
    { issuer: secured.issuer, trust: options.trust, status: options.status },
    report,
  );
  return finishReport(report, envelope, secured, entry, schema, status, checkedAt);
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
  if (!decoded) return verifyDecoded(decoded, report, options);
  const { issuer, credential } = decoded.secured;
  const { statusLists } = options;
  const trust = await withResolvedKeys(options.trust, issuer, options.resolver);
  const status = options.status ?? statusLists;
  // The checks read only VerifyOptions' members of this object; resolver and statusLists ride along.
  const checked: VerifyOptions = status ? { ...options, trust, status } : { ...options, trust };
  const trusted = trust.findIssuer(issuer) !== undefined;
  // The signature first: URLs in a credential its trusted issuer did not sign are never fetched.
  checkSignatureOf(decoded.decoded, issuer, trusted, checked, report);
  if (statusLists && trusted && report.checks.signature.ok) {
    await statusLists.prefetch(statusListUrlsOf(credential), trust);
  }
  return verifyDecoded(decoded, report, checked, true);
}
