// Portable decoding of shc:/ digits (no native buffer), for verifiers that run in a browser. It gives
// the bytes and errors of the Node decoder (./numeric.ts), character by character; both run the checks
// of ./chunks.ts around it.
import { concatBytes } from '@passage/credentials/pure';
import {
  joinShcChunkBytes,
  locateShcChunk,
  MAX_SHC_PAIR,
  type ShcChunkBytes,
  shcNonDigit,
} from './chunks.js';

/** Decodes one located text's digit pairs; a pair above 77 is flagged, a non-digit throws. */
function decodeChunk(text: string): ShcChunkBytes<Uint8Array> {
  const { index, total, text: trimmed, start } = locateShcChunk(text);
  const bytes = new Uint8Array((trimmed.length - start) / 2);
  let overflow = false;
  for (let i = start, o = 0; i < trimmed.length; i += 2, o++) {
    // A character outside ASCII (a lone surrogate included) reads as a non-digit, as in the Node decoder.
    const high = trimmed.charCodeAt(i) - 48;
    const low = trimmed.charCodeAt(i + 1) - 48;
    if (high >>> 0 > 9 || low >>> 0 > 9) throw shcNonDigit();
    const pair = high * 10 + low;
    if (pair > MAX_SHC_PAIR) overflow = true;
    bytes[o] = pair + 45;
  }
  return { index, total, bytes, overflow };
}

// Every byte is a JWS character (at most 'z', 122) once joined, so ASCII: any single-byte decoder reads it.
const ascii = new TextDecoder('latin1');

/**
 * `joinShcChunks` without native buffers: the compact JWS of a card from its scanned QR texts (one
 * `shc:/…`, or every `shc:/N/M/…` chunk in any order), with the same checks and error codes.
 *
 * @example
 * const jws = joinShcChunksPortable([scan2, scan1, scan3]);
 */
export function joinShcChunksPortable(chunks: readonly string[]): string {
  return ascii.decode(joinShcChunkBytes(chunks, decodeChunk, concatBytes));
}
