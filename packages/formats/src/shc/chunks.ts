// The platform-independent half of reading scanned shc:/ texts: where the digits start, the chunk
// header, and how chunks join into one JWS. How digit pairs become bytes is left to the caller (the
// Node verifier decodes through a native buffer, the portable decoder in ./digits.ts does not), so
// both reach the same verdicts through these checks, in this order.
import { CredentialError } from '@passage/credentials/pure';
import { isShcText, SHC_PREFIX } from './prefix.js';

/** The largest JWS a card may carry (as the rest of Passage bounds a compact JWS). */
export const MAX_SHC_JWS_LENGTH = 64 * 1024;
/** The most chunks the deprecated chunked form may use (real cards used at most a handful). */
export const MAX_SHC_CHUNKS = 20;
/** The highest digit pair: 'z' (122), the highest character of a compact JWS, minus 45. */
export const MAX_SHC_PAIR = 77;

// Two digits per JWS character, plus a prefix and a `N/M/` chunk header.
const MAX_TEXT_LENGTH = MAX_SHC_JWS_LENGTH * 2 + 32;
const CHUNK_HEADER = /^(\d{1,2})\/(\d{1,2})\/$/;
const MAX_HEADER_LENGTH = 'NN/NN/'.length;

/** One scanned `shc:/` QR: its position in a chunked card (1/1 for a whole card) and its digits. */
export interface ShcChunk {
  index: number;
  total: number;
  digits: string;
}

/** A scanned text located but not yet decoded: its chunk header and where its digits start. */
export interface ShcChunkLocation {
  index: number;
  total: number;
  /** The text, trimmed. */
  text: string;
  /** Where its digits start; their count is even and not zero. */
  start: number;
}

/** A chunk decoded to JWS characters (one byte each); `overflow` when a pair was above 77. */
export interface ShcChunkBytes<B extends Uint8Array> {
  index: number;
  total: number;
  bytes: B;
  overflow: boolean;
}

/** DECODING_FAILED with `message`. */
export function shcDecodingFailed(message: string): CredentialError {
  return new CredentialError('DECODING_FAILED', message);
}

/** The error of a digit that is not 0–9 (or a character outside ASCII). */
export function shcNonDigit(): CredentialError {
  return shcDecodingFailed('shc:/ numeric data holds a non-digit');
}

/** The error of a pair above {@link MAX_SHC_PAIR}. */
export function shcPairOverflow(): CredentialError {
  return shcDecodingFailed('a shc:/ digit pair is above 77');
}

/** Throws unless `count` digits make whole pairs, at least one. */
export function checkShcDigitCount(count: number): void {
  if (count === 0) throw shcDecodingFailed('the shc:/ text carries no digits');
  if (count % 2 !== 0) throw shcDecodingFailed('shc:/ digits come in pairs');
}

/**
 * Finds a scanned text's chunk header and digits, and checks their count. Throws INPUT_TOO_LARGE,
 * INVALID_PREFIX or DECODING_FAILED (a bad chunk header, no digits, an odd count); the digits
 * themselves are left to the decoder.
 */
export function locateShcChunk(text: string): ShcChunkLocation {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT_LENGTH)
    throw new CredentialError('INPUT_TOO_LARGE', 'the shc:/ text is too long');
  if (!isShcText(trimmed))
    throw new CredentialError('INVALID_PREFIX', 'a SMART Health Card starts with shc:/');
  // A chunk header is at most `NN/NN/`: the last slash is looked for backwards from there unless a
  // forward search finds one further on (a backward scan of the whole text cost more than decoding it).
  const head = SHC_PREFIX.length + MAX_HEADER_LENGTH;
  const lastSlash =
    trimmed.indexOf('/', head) === -1 ? trimmed.lastIndexOf('/', head - 1) : trimmed.lastIndexOf('/');
  let index = 1;
  let total = 1;
  // The prefix's own slash is the last one of a whole card.
  if (lastSlash >= SHC_PREFIX.length) {
    const header = CHUNK_HEADER.exec(trimmed.slice(SHC_PREFIX.length, lastSlash + 1));
    if (!header) throw shcDecodingFailed('the shc:/ chunk header is not N/M/');
    index = Number(header[1]);
    total = Number(header[2]);
    if (total < 1 || total > MAX_SHC_CHUNKS || index < 1 || index > total) {
      throw shcDecodingFailed('the shc:/ chunk number is out of range');
    }
  }
  checkShcDigitCount(trimmed.length - lastSlash - 1);
  return { index, total, text: trimmed, start: lastSlash + 1 };
}

/**
 * Splits one scanned `shc:/` text into its chunk header and digits. Throws INVALID_PREFIX,
 * INPUT_TOO_LARGE or DECODING_FAILED (odd number of digits, a non-digit, a bad chunk header).
 */
export function parseShcChunk(text: string): ShcChunk {
  const { index, total, text: trimmed, start } = locateShcChunk(text);
  for (let i = start; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c < 48 || c > 57) throw shcNonDigit();
  }
  return { index, total, digits: trimmed.slice(start) };
}

/**
 * Reassembles a card's JWS bytes from its scanned QR texts: one `shc:/…` for a whole card, or every
 * `shc:/N/M/…` chunk of the deprecated chunked form, in any order. `decode` turns one text into its
 * bytes (with {@link locateShcChunk}); `concat` joins several. A chunk alone, a missing or repeated
 * chunk, or chunks of different sets fail with DECODING_FAILED; too many chunks or too long a JWS
 * with INPUT_TOO_LARGE.
 */
export function joinShcChunkBytes<B extends Uint8Array>(
  chunks: readonly string[],
  decode: (text: string) => ShcChunkBytes<B>,
  concat: (parts: B[]) => B,
): B {
  if (chunks.length === 0) throw shcDecodingFailed('no shc:/ text was given');
  if (chunks.length > MAX_SHC_CHUNKS) throw new CredentialError('INPUT_TOO_LARGE', 'too many shc:/ chunks');
  const parsed = chunks.map(decode);
  const total = parsed[0]?.total ?? 1;
  if (parsed.some((c) => c.total !== total))
    throw shcDecodingFailed('the shc:/ chunks belong to different sets');
  if (parsed.length !== total) {
    throw shcDecodingFailed(
      `this card is split into ${total} QR codes; ${parsed.length} were given: scan every one`,
    );
  }
  const ordered = new Array<ShcChunkBytes<B> | undefined>(total);
  for (const chunk of parsed) {
    if (ordered[chunk.index - 1] !== undefined) throw shcDecodingFailed('a shc:/ chunk was given twice');
    ordered[chunk.index - 1] = chunk;
  }
  const parts: B[] = [];
  for (const chunk of ordered) {
    if (chunk === undefined) throw shcDecodingFailed('a shc:/ chunk is missing');
    if (chunk.overflow) throw shcPairOverflow();
    parts.push(chunk.bytes);
  }
  const bytes = parts.length === 1 ? (parts[0] as B) : concat(parts);
  if (bytes.length > MAX_SHC_JWS_LENGTH) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  return bytes;
}
