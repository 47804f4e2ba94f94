import type { VerificationReport } from '@passage/credentials';
import { type DetectedFormat, verifyDcc, verifyIcaoVdsNc, verifyShc } from '@passage/formats';
import type { ForeignTrust } from '@passage/trust';

export { type DetectedFormat, detectFormat } from '@passage/formats';

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
  const texts = (Array.isArray(input) ? input : [input]).map((chunk) => String(chunk).trim());
  switch (format) {
    case 'dcc':
      return verifyDcc(texts[0] ?? '', { trust: trust.dcc, now, clockToleranceSec });
    case 'shc':
      return verifyShc(texts.length === 1 ? (texts[0] ?? '') : texts, {
        trust: trust.shc,
        now,
        clockToleranceSec,
      });
    case 'icao-vds-nc': {
      const seal = Array.isArray(input) ? input[0] : input;
      return verifyIcaoVdsNc(
        typeof seal === 'string' || (typeof seal === 'object' && seal !== null) ? seal : '',
        {
          trust: trust.icao,
          now,
        },
      );
    }
  }
}
