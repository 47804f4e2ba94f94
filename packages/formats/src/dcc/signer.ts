import type { Check, VerificationCode } from '@passage/credentials/pure';
import { base64Of } from './base64.js';
import type { CoseSign1 } from './cose.js';
import { type DccType, keyUsageAllows } from './key-usage.js';
import { isDccAlgorithm, sigStructure } from './sig-structure.js';

/** What a check reads of a trusted DSC, whatever holds its key (node's KeyObject, Web Crypto's CryptoKey). */
export interface DccSignerFacts {
  country: string;
  kid: string;
  /** Validity period in milliseconds since the epoch. */
  notBefore: number;
  notAfter: number;
  /** Extended key usage OIDs, empty when the certificate has no EKU extension. */
  extendedKeyUsage: readonly string[];
}

/** The outcome of finding and checking the signer: the two report checks and the signer found. */
export interface SignerOutcome<S extends DccSignerFacts = DccSignerFacts> {
  signature: Check;
  /** Absent when the signature check could not get as far as a trusted certificate. */
  issuerTrusted?: Check;
  signer?: S;
}

/** Trusted DSCs by kid, whatever holds their keys. */
export interface DccSignerLookup<S extends DccSignerFacts> {
  signersFor(kid: Uint8Array): readonly S[];
}

/** Indexes trusted DSCs by their base64 kid; several may share one, and all are tried. */
export function dccSignerLookup<S extends DccSignerFacts>(
  signers: readonly S[],
): DccSignerLookup<S> & { readonly size: number } {
  const byKid = new Map<string, S[]>();
  for (const signer of signers) {
    const list = byKid.get(signer.kid);
    if (list) list.push(signer);
    else byKid.set(signer.kid, [signer]);
  }
  const none: readonly S[] = [];
  return { signersFor: (kid) => byKid.get(base64Of(kid)) ?? none, size: signers.length };
}

/** Either the outcome already (no allowed algorithm, no certificate), or what to verify and with whom. */
export type SignerStart<S extends DccSignerFacts> =
  | { outcome: SignerOutcome<S> }
  | { alg: -7 | -37; data: Uint8Array; signature: Uint8Array; candidates: readonly S[] };

const fail = (code: VerificationCode): Check => ({ ok: false, code });

/** What the DSC is checked against: the payload's types, its CWT period and the clock (all ms). */
export interface SignerContext {
  types: readonly DccType[];
  iat?: number;
  exp: number;
  now: number;
  tolerance: number;
}

/**
 * The DSC must be valid at the clock, and its validity must cover the certificate's own period
 * (notBefore ≤ iat, exp ≤ notAfter), as the EU test procedure checks: a DSC cannot vouch for a
 * certificate signed before it existed or valid after it has expired.
 */
function certificateCheck(signer: DccSignerFacts, context: SignerContext): Check {
  const { now, tolerance, iat, exp } = context;
  if (now + tolerance < signer.notBefore || (iat !== undefined && iat < signer.notBefore)) {
    return fail('CERTIFICATE_NOT_YET_VALID');
  }
  if (now - tolerance > signer.notAfter || exp > signer.notAfter) return fail('CERTIFICATE_EXPIRED');
  if (!keyUsageAllows(signer.extendedKeyUsage, context.types)) return fail('KEY_USAGE_MISMATCH');
  return { ok: true };
}

/** The first step of finding a DCC's signer: the algorithm, the certificates sharing its kid, the signed bytes. */
export function startSignerCheck<S extends DccSignerFacts>(
  cose: CoseSign1,
  trust: DccSignerLookup<S>,
): SignerStart<S> {
  const alg = cose.alg;
  if (!isDccAlgorithm(alg)) return { outcome: { signature: fail('ALGORITHM_NOT_ALLOWED') } };
  const candidates = cose.kid === undefined ? [] : trust.signersFor(cose.kid);
  if (candidates.length === 0) {
    return { outcome: { signature: fail('KEY_NOT_FOUND'), issuerTrusted: fail('ISSUER_NOT_TRUSTED') } };
  }
  return { alg, data: sigStructure(cose), signature: cose.signature, candidates };
}

/**
 * The last step: every trusted certificate sharing the kid is tried (`verifies` says whether its key
 * verifies the signature, asked in order and only as far as needed), and among those whose signature
 * verifies, one valid for this certificate and allowed to sign its types wins.
 */
export function finishSignerCheck<S extends DccSignerFacts>(
  candidates: readonly S[],
  verifies: (signer: S, index: number) => boolean,
  context: SignerContext,
): SignerOutcome<S> {
  let firstFailure: SignerOutcome<S> | undefined;
  for (let index = 0; index < candidates.length; index++) {
    const signer = candidates[index] as S;
    if (!verifies(signer, index)) continue;
    const issuerTrusted = certificateCheck(signer, context);
    if (issuerTrusted.ok) return { signature: { ok: true }, issuerTrusted, signer };
    firstFailure ??= { signature: { ok: true }, issuerTrusted, signer };
  }
  return firstFailure ?? { signature: fail('SIGNATURE_INVALID') };
}
