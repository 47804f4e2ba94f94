import { CredentialError } from '@passage/credentials';

/** The prefix of a SMART Health Card QR (`shc:/`). */
export const SHC_PREFIX = 'shc:/';

/** The largest JWS a card may carry (as the rest of Passage bounds a compact JWS). */
export const MAX_SHC_JWS_LENGTH = 64 * 1024;
/** The most chunks the deprecated chunked form may use (real cards used at most a handful). */
export const MAX_SHC_CHUNKS = 20;

// Two digits per JWS character, plus a prefix and a `N/M/` chunk header.
const MAX_TEXT_LENGTH = MAX_SHC_JWS_LENGTH * 2 + 32;
// 'z' (122) is the highest character of a compact JWS: 122 - 45.
const MAX_PAIR = 77;
const CHUNK_HEADER = /^(\d{1,2})\/(\d{1,2})\/$/;

/** One scanned `shc:/` QR: its position in a chunked card (1/1 for a whole card) and its digits. */
export interface ShcChunk {
  index: number;
  total: number;
  digits: string;
}

/** True when `text` is a SMART Health Card QR (`shc:/` followed by digits, possibly chunked). */
export function isShcText(text: string): boolean {
  return text.trimStart().slice(0, SHC_PREFIX.length).toLowerCase() === SHC_PREFIX;
}

/**
 * Splits one scanned `shc:/` text into its chunk header and digits. Throws INVALID_PREFIX,
 * INPUT_TOO_LARGE or DECODING_FAILED (odd number of digits, a non-digit, a bad chunk header).
 */
export function parseShcChunk(text: string): ShcChunk {
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT_LENGTH)
    throw new CredentialError('INPUT_TOO_LARGE', 'the shc:/ text is too long');
  if (!isShcText(trimmed))
    throw new CredentialError('INVALID_PREFIX', 'a SMART Health Card starts with shc:/');
  const body = trimmed.slice(SHC_PREFIX.length);
  const lastSlash = body.lastIndexOf('/');
  let index = 1;
  let total = 1;
  if (lastSlash !== -1) {
    const header = CHUNK_HEADER.exec(body.slice(0, lastSlash + 1));
    if (!header) throw new CredentialError('DECODING_FAILED', 'the shc:/ chunk header is not N/M/');
    index = Number(header[1]);
    total = Number(header[2]);
    if (total < 1 || total > MAX_SHC_CHUNKS || index < 1 || index > total) {
      throw new CredentialError('DECODING_FAILED', 'the shc:/ chunk number is out of range');
    }
  }
  const digits = body.slice(lastSlash + 1);
  checkDigits(digits);
  return { index, total, digits };
}

function checkDigits(digits: string): void {
  if (digits.length === 0) throw new CredentialError('DECODING_FAILED', 'the shc:/ text carries no digits');
  if (digits.length % 2 !== 0) throw new CredentialError('DECODING_FAILED', 'shc:/ digits come in pairs');
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57)
      throw new CredentialError('DECODING_FAILED', 'shc:/ numeric data holds a non-digit');
  }
}

/** Turns numeric-mode digits into JWS characters: each pair is a character code minus 45. */
export function decodeShcDigits(digits: string): string {
  checkDigits(digits);
  const codes = Buffer.allocUnsafe(digits.length / 2);
  for (let i = 0; i < digits.length; i += 2) {
    const pair = (digits.charCodeAt(i) - 48) * 10 + (digits.charCodeAt(i + 1) - 48);
    if (pair > MAX_PAIR) throw new CredentialError('DECODING_FAILED', 'a shc:/ digit pair is above 77');
    codes[i / 2] = pair + 45;
  }
  return codes.toString('latin1');
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
  if (chunks.length === 0) throw new CredentialError('DECODING_FAILED', 'no shc:/ text was given');
  if (chunks.length > MAX_SHC_CHUNKS) throw new CredentialError('INPUT_TOO_LARGE', 'too many shc:/ chunks');
  const parsed = chunks.map(parseShcChunk);
  const total = parsed[0]?.total ?? 1;
  if (parsed.some((c) => c.total !== total)) {
    throw new CredentialError('DECODING_FAILED', 'the shc:/ chunks belong to different sets');
  }
  if (parsed.length !== total) {
    throw new CredentialError(
      'DECODING_FAILED',
      `this card is split into ${total} QR codes; ${parsed.length} were given: scan every one`,
    );
  }
  const ordered = new Array<string | undefined>(total);
  for (const chunk of parsed) {
    if (ordered[chunk.index - 1] !== undefined) {
      throw new CredentialError('DECODING_FAILED', 'a shc:/ chunk was given twice');
    }
    ordered[chunk.index - 1] = chunk.digits;
  }
  const jws = ordered.map((digits) => decodeShcDigits(digits ?? '')).join('');
  if (jws.length > MAX_SHC_JWS_LENGTH) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  return jws;
}
