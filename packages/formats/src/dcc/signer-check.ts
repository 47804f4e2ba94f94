import { verifyCoseSignature } from './signature.js';
import { finishSignerCheck, type SignerContext, type SignerOutcome, startSignerCheck } from './signer.js';
import type { DccSigner, DccTrust } from './trust.js';

/**
 * Finds and checks the DSC that signed a DCC with node:crypto: the shared steps of `signer.ts`, with
 * each candidate's signature verified synchronously, only as far as needed.
 */
export function checkSigner(
  cose: Parameters<typeof startSignerCheck>[0],
  trust: DccTrust,
  context: SignerContext,
): SignerOutcome<DccSigner> {
  const start = startSignerCheck(cose, trust);
  if ('outcome' in start) return start.outcome;
  const { alg, data, signature } = start;
  return finishSignerCheck(
    start.candidates,
    (signer) => verifyCoseSignature(alg, data, signature, signer.publicKey),
    context,
  );
}
