import type { VerificationReport } from '@passage/credentials';
import {
  type DetectedFormat,
  type ForeignOptionsOf,
  verifyDcc,
  verifyForeignWith,
  verifyIcaoVdsNc,
  verifyShc,
} from '@passage/formats';
import type { ForeignTrust } from '@passage/trust';

/** The clock and leeway a foreign verification runs with, and the trust list's foreign trust. */
export type ForeignVerifyOptions = ForeignOptionsOf<
  ForeignTrust['dcc'],
  ForeignTrust['shc'],
  ForeignTrust['icao']
>;

/**
 * Verifies input of a detected foreign format with that format's verifier and its trust. Synchronous
 * and offline: foreign trust material (DSCs, JWKS, CSCAs, CRLs) comes from the trust list only.
 */
export function verifyForeign(
  format: Exclude<DetectedFormat, 'passage'>,
  input: unknown,
  options: ForeignVerifyOptions,
): VerificationReport {
  return verifyForeignWith(format, input, options, NODE_VERIFIERS);
}

const NODE_VERIFIERS = { dcc: verifyDcc, shc: verifyShc, icao: verifyIcaoVdsNc };
