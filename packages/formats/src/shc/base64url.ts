const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url (RFC 4648 §5) of `bytes[0, end)`, as Node's `toString('base64url')` writes it. */
export function encodeBase64url(bytes: Uint8Array, end: number = bytes.length): string {
  let out = '';
  let i = 0;
  for (; i + 2 < end; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET.charAt(n >>> 18) +
      ALPHABET.charAt((n >>> 12) & 63) +
      ALPHABET.charAt((n >>> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  if (end - i === 1) {
    const n = bytes[i] as number;
    out += ALPHABET.charAt(n >>> 2) + ALPHABET.charAt((n & 3) << 4);
  } else if (end - i === 2) {
    const n = ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
    out += ALPHABET.charAt(n >>> 10) + ALPHABET.charAt((n >>> 4) & 63) + ALPHABET.charAt((n & 15) << 2);
  }
  return out;
}
