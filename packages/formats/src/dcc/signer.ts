import type { Check, VerificationCode } from '@passage/credentials/pure';
import type { CoseSign1 } from './cose.js';
import { type DccType, keyUsageAllows } from './key-usage.js';
import { isDccAlgorithm, sigStructure, verifyCoseSignature } from './signature.js';
import type { DccSigner, DccTrust } from './trust.js';

/** The outcome of finding and checking the signer: the two report checks and the signer found. */
export interface SignerOutcome {
  signature: Check;
  /** Absent when the signature check could not get as far as a trusted certificate. */
  issuerTrusted?: Check;
  signer?: DccSigner;
}

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
function certificateCheck(signer: DccSigner, context: SignerContext): Check {
  const { now, tolerance, iat, exp } = context;
  if (now + tolerance < signer.notBefore || (iat !== undefined && iat < signer.notBefore)) {
    return fail('CERTIFICATE_NOT_YET_VALID');
  }
  if (now - tolerance > signer.notAfter || exp > signer.notAfter) return fail('CERTIFICATE_EXPIRED');
  if (!keyUsageAllows(signer.extendedKeyUsage, context.types)) return fail('KEY_USAGE_MISMATCH');
  return { ok: true };
}

/**
 * Finds the DSC that signed a DCC: every trusted certificate sharing the kid is tried, and among
 * those whose signature verifies, one valid for this certificate and allowed to sign its types wins.
 */
export function checkSigner(cose: CoseSign1, trust: DccTrust, context: SignerContext): SignerOutcome {
  const alg = cose.alg;
  if (!isDccAlgorithm(alg)) return { signature: fail('ALGORITHM_NOT_ALLOWED') };
  const candidates = cose.kid === undefined ? [] : trust.signersFor(cose.kid);
  if (candidates.length === 0) {
    return { signature: fail('KEY_NOT_FOUND'), issuerTrusted: fail('ISSUER_NOT_TRUSTED') };
  }
  const data = sigStructure(cose);
  let firstFailure: SignerOutcome | undefined;
  for (const signer of candidates) {
    if (!verifyCoseSignature(alg, data, cose.signature, signer.publicKey)) continue;
    const issuerTrusted = certificateCheck(signer, context);
    if (issuerTrusted.ok) return { signature: { ok: true }, issuerTrusted, signer };
    firstFailure ??= { signature: { ok: true }, issuerTrusted, signer };
  }
  return firstFailure ?? { signature: fail('SIGNATURE_INVALID') };
}
