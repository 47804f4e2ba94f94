import { type KeyObject, verify } from 'node:crypto';
import { type CheckOutcome, ICAO_ALGORITHMS, sealSignatureTask, signatureOutcome } from './algorithms.js';

/** The named curve of an EC key as {@link ICAO_ALGORITHMS} names it; undefined for any other key. */
export function keyCurveOf(key: KeyObject): string | undefined {
  return key.asymmetricKeyType === 'ec' ? key.asymmetricKeyDetails?.namedCurve : undefined;
}

/**
 * Verifies `sig.sigvl` over the canonical `data` (undefined: it has none) with the barcode signer's
 * key: the algorithm must be one VDS-NC allows and match the key's curve (ALGORITHM_NOT_ALLOWED), the
 * signature must be the raw r‖s of that curve and verify (SIGNATURE_INVALID). The rules are
 * `sealSignatureTask` and `signatureOutcome`, which the browser verifier runs too.
 */
export function verifySealSignature(
  alg: string,
  signed: Uint8Array | undefined,
  sigvl: string,
  key: KeyObject,
): CheckOutcome {
  const task = sealSignatureTask(signed, alg, keyCurveOf(key));
  if (!task.ok) return task;
  const { hash } = ICAO_ALGORITHMS[task.algorithm];
  const signature = Buffer.from(sigvl, 'base64url');
  return signatureOutcome(task.algorithm, signature, () =>
    verify(hash, task.signed, { key, dsaEncoding: 'ieee-p1363' }, signature),
  );
}
