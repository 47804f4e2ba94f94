import type { VerificationReport } from '@passage/credentials';
import { isDccText, isIcaoVdsNc, isShcText, verifyDcc, verifyIcaoVdsNc, verifyShc } from '@passage/formats';
import type { ForeignTrust } from '@passage/trust';

// "HC" and a version: the DCC context identifier. Versions other than 1 are still told as DCC, so
// they fail with INVALID_PREFIX rather than as unreadable Passage text.
const DCC_CONTEXT = /^HC\d:/;

/** What the scanned input is, judged from its text or shape alone (never from its signature). */
export type DetectedFormat = 'passage' | 'dcc' | 'shc' | 'icao-vds-nc';

/**
 * The format of scanned input: `HC1:` text (or another `HC<n>:` context) is an EU DCC, `shc:/` text (or several chunks of it) a
 * SMART Health Card, a JSON object (or its text) with `data.hdr` and `sig` an ICAO VDS-NC seal, and
 * anything else is for the Passage verifier (QR text, compact JWS, enveloped credential).
 */
export function detectFormat(input: unknown): DetectedFormat {
  if (Array.isArray(input)) {
    if (input.length > 0 && input.every((chunk) => typeof chunk === 'string' && isShcText(chunk)))
      return 'shc';
    return input.length === 1 ? detectFormat(input[0]) : 'passage';
  }
  if (typeof input === 'string') {
    const text = input.trim();
    if (isDccText(text) || DCC_CONTEXT.test(text)) return 'dcc';
    if (isShcText(text)) return 'shc';
  }
  return isIcaoVdsNc(input) ? 'icao-vds-nc' : 'passage';
}

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
