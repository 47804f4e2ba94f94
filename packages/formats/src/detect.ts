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
