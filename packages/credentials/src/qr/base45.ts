import { CredentialError } from '../errors.js';

/** The RFC 9285 alphabet: exactly the QR alphanumeric character set, in value order. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Value of each character code below 128, -1 outside the alphabet: a table read, not a Map lookup, per character. */
const VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < ALPHABET.length; value++) VALUES[ALPHABET.charCodeAt(value)] = value;

/** The character code of each value: the output is written as bytes and read as one string. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
// Browser-safe (the web verifier bundles this file); the alphabet is ASCII, so any single-byte decoding reads it alike.
const ASCII = new TextDecoder('latin1');

/**
 * Encodes bytes as base45 (RFC 9285): every two bytes become three characters, a last odd byte two.
 *
 * The last character of any output is never a space or a symbol (its value is at most 32), so
 * trimming trailing whitespace from a scanned text cannot damage it.
 */
export function encodeBase45(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.floor(bytes.length / 2) * 3 + (bytes.length % 2) * 2);
  let o = 0;
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
    const high = Math.floor(n / 45);
    out[o++] = CODES[n % 45] ?? 0;
    out[o++] = CODES[high % 45] ?? 0;
    out[o++] = CODES[Math.floor(high / 45)] ?? 0;
  }
  if (i < bytes.length) {
    const n = bytes[i] ?? 0;
    out[o++] = CODES[n % 45] ?? 0;
    out[o] = CODES[Math.floor(n / 45)] ?? 0;
  }
  return ASCII.decode(out);
}

/** The value of the character at `index`, -1 outside the alphabet (non-ASCII included). */
function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (VALUES[code] ?? -1) : -1;
}

function outside(): CredentialError {
  return new CredentialError('INVALID_BASE45', 'QR text has a character outside base45');
}

/**
 * Decodes base45 text (RFC 9285), strictly: a character outside the alphabet, a length of 3k+1, a
 * triplet above 65535 or a final pair above 255 is `INVALID_BASE45`, so each byte string has exactly
 * one accepted text.
 */
export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) {
    throw new CredentialError('INVALID_BASE45', 'QR text has a truncated base45 group');
  }
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const a = valueAt(text, i);
    const b = valueAt(text, i + 1);
    const c = valueAt(text, i + 2);
    if ((a | b | c) < 0) throw outside();
    const n = a + b * 45 + c * 2025;
    if (n > 0xffff) throw new CredentialError('INVALID_BASE45', 'QR text has a base45 group out of range');
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const a = valueAt(text, i);
    const b = valueAt(text, i + 1);
    if ((a | b) < 0) throw outside();
    const n = a + b * 45;
    if (n > 0xff) throw new CredentialError('INVALID_BASE45', 'QR text has a base45 group out of range');
    out[o] = n;
  }
  return out;
}
