import { CredentialError } from '@passage/credentials';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

/** The value of the character at `index`, or -1 outside the alphabet (non-ASCII included). */
function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (VALUE_OF[code] ?? -1) : -1;
}

function outside(): CredentialError {
  return new CredentialError('INVALID_BASE45', 'DCC text has a character outside base45');
}

/**
 * Decodes base45 (RFC 9285) strictly: a character outside the alphabet, a dangling single character,
 * a triplet above 65535 or a final pair above 255 is `INVALID_BASE45`.
 */
export function decodeBase45Strict(text: string): Uint8Array {
  if (text.length % 3 === 1) {
    throw new CredentialError('INVALID_BASE45', 'DCC text has a truncated base45 group');
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
    if (n > 0xffff) throw new CredentialError('INVALID_BASE45', 'DCC text has a base45 group out of range');
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const a = valueAt(text, i);
    const b = valueAt(text, i + 1);
    if ((a | b) < 0) throw outside();
    const n = a + b * 45;
    if (n > 0xff) throw new CredentialError('INVALID_BASE45', 'DCC text has a base45 group out of range');
    out[o] = n;
  }
  return out;
}
