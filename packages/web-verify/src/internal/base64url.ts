const B64URL = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map<string, number>([...ALPHABET].map((char, value) => [char, value]));

/** Encodes bytes as unpadded base64url (RFC 4648 §5). */
export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET.charAt((n >> (18 - 6 * c)) & 63);
  }
  return out;
}

/**
 * Decodes unpadded base64url as Node's base64url decoder does for the texts the Node
 * verifier lets through (spare bits and a lone last character ignored), so both read the same bytes;
 * undefined for a character outside the alphabet.
 */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!B64URL.test(text)) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const char of text) {
    value = (value << 6) | (VALUES.get(char) ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * Decodes standard base64 (as trust entries carry certificates) as Node's base64 decoder does for the
 * texts the entry schemas let through: padding optional, a lone last character ignored (where `atob`
 * throws); undefined for a character outside the alphabet.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  return decodeBase64url(text.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'));
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** A string from UTF-8 bytes (invalid sequences become U+FFFD, as Node's `toString('utf8')` does). */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);
