// Node's fast decoding of shc:/ digits, through a native buffer; the checks around it (prefix, chunk
// header, counts, joining) are the shared ones of ./chunks.ts, which the portable decoder
// (./digits.ts) also runs.
import {
  checkShcDigitCount,
  joinShcChunkBytes,
  locateShcChunk,
  MAX_SHC_CHUNKS,
  MAX_SHC_JWS_LENGTH,
  MAX_SHC_PAIR,
  parseShcChunk,
  type ShcChunk,
  type ShcChunkBytes,
  shcNonDigit,
  shcPairOverflow,
} from './chunks.js';
import { isShcText, SHC_PREFIX } from './prefix.js';

export { isShcText, MAX_SHC_CHUNKS, MAX_SHC_JWS_LENGTH, parseShcChunk, SHC_PREFIX, type ShcChunk };

/**
 * Decodes the digits of `text` from `start` into `out` in one pass: each pair is a character code
 * minus 45. A non-digit throws; a pair above 77 is reported (true), not thrown, so that the caller
 * keeps the order in which a card's problems are reported.
 */
function decodePairs(text: string, start: number, out: Buffer): boolean {
  // Read as UTF-8 bytes (one native copy) rather than character by character: any character outside
  // ASCII takes more than one byte, so a length that changed means a non-digit.
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length !== text.length) throw shcNonDigit();
  let overflow = false;
  for (let i = start, o = 0; i < bytes.length; i += 2, o++) {
    const high = (bytes[i] as number) - 48;
    const low = (bytes[i + 1] as number) - 48;
    if (high >>> 0 > 9 || low >>> 0 > 9) throw shcNonDigit();
    const pair = high * 10 + low;
    if (pair > MAX_SHC_PAIR) overflow = true;
    out[o] = pair + 45;
  }
  return overflow;
}

function decodeChunk(text: string): ShcChunkBytes<Buffer> {
  const { index, total, text: trimmed, start } = locateShcChunk(text);
  const bytes = Buffer.allocUnsafe((trimmed.length - start) / 2);
  const overflow = decodePairs(trimmed, start, bytes);
  return { index, total, bytes, overflow };
}

const concat = (parts: Buffer[]): Buffer => Buffer.concat(parts);

/** Turns numeric-mode digits into JWS characters: each pair is a character code minus 45. */
export function decodeShcDigits(digits: string): string {
  checkShcDigitCount(digits.length);
  const bytes = Buffer.allocUnsafe(digits.length / 2);
  if (decodePairs(digits, 0, bytes)) throw shcPairOverflow();
  return bytes.toString('latin1');
}

/**
 * Reassembles the compact JWS of a card from its scanned QR texts: one `shc:/…` for a whole card, or
 * every `shc:/N/M/…` chunk of the deprecated chunked form, in any order. A chunk alone, a missing or
 * repeated chunk, or chunks of different sets fail with DECODING_FAILED.
 *
 * @example
 * const jws = joinShcChunks([scan2, scan1, scan3]);
 */
export function joinShcChunks(chunks: readonly string[]): string {
  return joinShcChunkBytes(chunks, decodeChunk, concat).toString('latin1');
}
