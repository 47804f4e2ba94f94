import { CredentialError } from '@passage/credentials/pure';

import { isShcText, SHC_PREFIX } from './prefix.js';

export { isShcText, SHC_PREFIX };

/** The largest JWS a card may carry (as the rest of Passage bounds a compact JWS). */
export const MAX_SHC_JWS_LENGTH = 64 * 1024;
/** The most chunks the deprecated chunked form may use (real cards used at most a handful). */
export const MAX_SHC_CHUNKS = 20;

// Two digits per JWS character, plus a prefix and a `N/M/` chunk header.
const MAX_TEXT_LENGTH = MAX_SHC_JWS_LENGTH * 2 + 32;
// 'z' (122) is the highest character of a compact JWS: 122 - 45.
const MAX_PAIR = 77;
const CHUNK_HEADER = /^(\d{1,2})\/(\d{1,2})\/$/;
const MAX_HEADER_LENGTH = 'NN/NN/'.length;

/** One scanned `shc:/` QR: its position in a chunked card (1/1 for a whole card) and its digits. */
export interface ShcChunk {
  index: number;
  total: number;
  digits: string;
}

/** A scanned text located but not yet decoded: its chunk header and where its digits start. */
interface Located {
  index: number;
  total: number;
  text: string;
  start: number;
}

/** A chunk decoded to JWS characters (latin1 bytes); `overflow` when a pair was above 77. */
interface DecodedChunk {
  index: number;
  total: number;
  bytes: Buffer;
  overflow: boolean;
}

function failed(message: string): CredentialError {
  return new CredentialError('DECODING_FAILED', message);
}

function locate(text: string): Located {
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
    if (!header) throw failed('the shc:/ chunk header is not N/M/');
    index = Number(header[1]);
    total = Number(header[2]);
    if (total < 1 || total > MAX_SHC_CHUNKS || index < 1 || index > total) {
      throw failed('the shc:/ chunk number is out of range');
    }
  }
  return { index, total, text: trimmed, start: lastSlash + 1 };
}

function checkCount(count: number): void {
  if (count === 0) throw failed('the shc:/ text carries no digits');
  if (count % 2 !== 0) throw failed('shc:/ digits come in pairs');
}

/**
 * Decodes the digits of `text` from `start` into `out` in one pass: each pair is a character code
 * minus 45. A non-digit throws; a pair above 77 is reported (true), not thrown, so that the caller
 * keeps the order in which a card's problems are reported.
 */
function decodePairs(text: string, start: number, out: Buffer): boolean {
  // Read as UTF-8 bytes (one native copy) rather than character by character: any character outside
  // ASCII takes more than one byte, so a length that changed means a non-digit.
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length !== text.length) throw failed('shc:/ numeric data holds a non-digit');
  let overflow = false;
  for (let i = start, o = 0; i < bytes.length; i += 2, o++) {
    const high = (bytes[i] as number) - 48;
    const low = (bytes[i + 1] as number) - 48;
    if (high >>> 0 > 9 || low >>> 0 > 9) throw failed('shc:/ numeric data holds a non-digit');
    const pair = high * 10 + low;
    if (pair > MAX_PAIR) overflow = true;
    out[o] = pair + 45;
  }
  return overflow;
}

function overflowError(): CredentialError {
  return failed('a shc:/ digit pair is above 77');
}

/**
 * Splits one scanned `shc:/` text into its chunk header and digits. Throws INVALID_PREFIX,
 * INPUT_TOO_LARGE or DECODING_FAILED (odd number of digits, a non-digit, a bad chunk header).
 */
export function parseShcChunk(text: string): ShcChunk {
  const { index, total, text: trimmed, start } = locate(text);
  checkCount(trimmed.length - start);
  for (let i = start; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c < 48 || c > 57) throw failed('shc:/ numeric data holds a non-digit');
  }
  return { index, total, digits: trimmed.slice(start) };
}

function decodeChunk(text: string): DecodedChunk {
  const { index, total, text: trimmed, start } = locate(text);
  checkCount(trimmed.length - start);
  const bytes = Buffer.allocUnsafe((trimmed.length - start) / 2);
  const overflow = decodePairs(trimmed, start, bytes);
  return { index, total, bytes, overflow };
}

/** Turns numeric-mode digits into JWS characters: each pair is a character code minus 45. */
export function decodeShcDigits(digits: string): string {
  checkCount(digits.length);
  const bytes = Buffer.allocUnsafe(digits.length / 2);
  if (decodePairs(digits, 0, bytes)) throw overflowError();
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
  if (chunks.length === 0) throw failed('no shc:/ text was given');
  if (chunks.length > MAX_SHC_CHUNKS) throw new CredentialError('INPUT_TOO_LARGE', 'too many shc:/ chunks');
  const parsed = chunks.map(decodeChunk);
  const total = parsed[0]?.total ?? 1;
  if (parsed.some((c) => c.total !== total)) throw failed('the shc:/ chunks belong to different sets');
  if (parsed.length !== total) {
    throw failed(`this card is split into ${total} QR codes; ${parsed.length} were given: scan every one`);
  }
  const ordered = new Array<DecodedChunk | undefined>(total);
  for (const chunk of parsed) {
    if (ordered[chunk.index - 1] !== undefined) throw failed('a shc:/ chunk was given twice');
    ordered[chunk.index - 1] = chunk;
  }
  const parts: Buffer[] = [];
  for (const chunk of ordered) {
    if (chunk === undefined) throw failed('a shc:/ chunk is missing');
    if (chunk.overflow) throw overflowError();
    parts.push(chunk.bytes);
  }
  const bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  if (bytes.length > MAX_SHC_JWS_LENGTH) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  return bytes.toString('latin1');
}
