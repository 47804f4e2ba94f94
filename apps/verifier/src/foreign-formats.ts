import type { VerificationReport } from '@passage/credentials';
import { type DetectedFormat, foreignInputOf, verifyDcc, verifyIcaoVdsNc, verifyShc } from '@passage/formats';
import type { ForeignTrust } from '@passage/trust';

/** The clock and leeway a foreign verification runs with. */
export interface ForeignVerifyOptions {
  trust: ForeignTrust;
  now: Date;
  clockToleranceSec: number;
}

/**
 * Verifies input of a detected foreign format with that format's verifier and its trust. Synchronous
 * and offline: foreign trust material (DSCs, JWKS, CSCAs, CRLs) comes from the trust list only.
 */
export function verifyForeign(
  format: Exclude<DetectedFormat, 'passage'>,
  input: unknown,
  options: ForeignVerifyOptions,
): VerificationReport {
  const { trust, now, clockToleranceSec } = options;
  const given = foreignInputOf(format, input);
  switch (given.format) {
    case 'dcc':
      return verifyDcc(given.text, { trust: trust.dcc, now, clockToleranceSec });
    case 'shc':
      return verifyShc(given.text, { trust: trust.shc, now, clockToleranceSec });
    case 'icao-vds-nc':
      return verifyIcaoVdsNc(given.seal, { trust: trust.icao, now });
  }
}
