import type { Check, VerificationCode } from '@passage/credentials';
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

function certificateCheck(
  signer: DccSigner,
  types: readonly DccType[],
  nowMs: number,
  toleranceMs: number,
): Check {
  if (nowMs + toleranceMs < signer.notBefore) return fail('CERTIFICATE_NOT_YET_VALID');
  if (nowMs - toleranceMs > signer.notAfter) return fail('CERTIFICATE_EXPIRED');
  if (!keyUsageAllows(signer.extendedKeyUsage, types)) return fail('KEY_USAGE_MISMATCH');
  return { ok: true };
}

/**
 * Finds the DSC that signed a DCC: every trusted certificate sharing the kid is tried, and among
 * those whose signature verifies, one valid at the clock and allowed to sign these types wins.
 */
export function checkSigner(
  cose: CoseSign1,
  types: readonly DccType[],
  trust: DccTrust,
  nowMs: number,
  toleranceMs: number,
): SignerOutcome {
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
    const issuerTrusted = certificateCheck(signer, types, nowMs, toleranceMs);
    if (issuerTrusted.ok) return { signature: { ok: true }, issuerTrusted, signer };
    firstFailure ??= { signature: { ok: true }, issuerTrusted, signer };
  }
  return firstFailure ?? { signature: fail('SIGNATURE_INVALID') };
}
