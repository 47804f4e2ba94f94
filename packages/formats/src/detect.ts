import { isDccText } from './dcc/prefix.js';
import { isIcaoVdsNc } from './icao/seal.js';
import { isShcText } from './shc/prefix.js';

// "HC" and a version: the DCC context identifier. Versions other than 1 are still told as DCC, so
// they fail with INVALID_PREFIX rather than as unreadable Passage text.
const DCC_CONTEXT = /^HC\d:/;

/** What the scanned input is, judged from its text or shape alone (never from its signature). */
export type DetectedFormat = 'passage' | 'dcc' | 'shc' | 'icao-vds-nc';

/**
 * The format of scanned input: `HC1:` text (or another `HC<n>:` context) is an EU DCC, `shc:/` text
 * (or several chunks of it) a SMART Health Card, a JSON object (or its text) with `data.hdr` and `sig`
 * an ICAO VDS-NC seal, and anything else is for the Passage verifier (QR text, compact JWS, enveloped
 * credential). The verifier service and the browser verifier both dispatch on this.
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

/** What a foreign format's verifier takes of the scanned input. */
export type ForeignInput =
  | { format: 'dcc'; text: string }
  | { format: 'shc'; text: string | string[] }
  | { format: 'icao-vds-nc'; seal: string | object };

/**
 * The argument each foreign verifier takes, from input {@link detectFormat} told to be of its format:
 * a DCC's text and an SHC's text (or the chunks of a legacy card) trimmed, a seal as given (object or
 * JSON text). The verifier service and the browser verifier both pass input on this way.
 */
export function foreignInputOf(format: Exclude<DetectedFormat, 'passage'>, input: unknown): ForeignInput {
  const items = Array.isArray(input) ? input : [input];
  if (format === 'icao-vds-nc') {
    const seal: unknown = items[0];
    return {
      format,
      seal: typeof seal === 'string' || (typeof seal === 'object' && seal !== null) ? seal : '',
    };
  }
  const texts = items.map((chunk) => String(chunk).trim());
  if (format === 'dcc') return { format, text: texts[0] ?? '' };
  return { format, text: texts.length === 1 ? (texts[0] ?? '') : texts };
}

/** The trust of each foreign format, on one platform (keys of node:crypto or of Web Crypto). */
export interface ForeignTrustOf<D, S, I> {
  dcc: D;
  shc: S;
  icao: I;
}

/** The clock and leeway a foreign verification runs with, and the trust it reads. */
export interface ForeignOptionsOf<D, S, I> {
  trust: ForeignTrustOf<D, S, I>;
  now: Date;
  clockToleranceSec: number;
}

/** Each foreign format's verifier on one platform, answering `R` (a report, or a promise of one). */
export interface ForeignVerifiersOf<D, S, I, R> {
  dcc(text: string, options: { trust: D; now: Date; clockToleranceSec: number }): R;
  shc(text: string | string[], options: { trust: S; now: Date; clockToleranceSec: number }): R;
  icao(seal: string | object, options: { trust: I; now: Date }): R;
}

/**
 * Verifies input of a detected foreign format with that format's verifier and trust: the dispatch
 * the verifier service (node) and the browser verifier (Web Crypto) share, each with its verifiers.
 */
export function verifyForeignWith<D, S, I, R>(
  format: Exclude<DetectedFormat, 'passage'>,
  input: unknown,
  options: ForeignOptionsOf<D, S, I>,
  verifiers: ForeignVerifiersOf<D, S, I, R>,
): R {
  const { trust, now, clockToleranceSec } = options;
  const given = foreignInputOf(format, input);
  switch (given.format) {
    case 'dcc':
      return verifiers.dcc(given.text, { trust: trust.dcc, now, clockToleranceSec });
    case 'shc':
      return verifiers.shc(given.text, { trust: trust.shc, now, clockToleranceSec });
    case 'icao-vds-nc':
      return verifiers.icao(given.seal, { trust: trust.icao, now });
  }
}
