import { randomBytesPooled } from '../random-pool.js';

// Crockford's base32 without I, L, O, U: unambiguous when read aloud or typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(length: number): string {
  const bytes = randomBytesPooled(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** A health certificate id (HCID), `THA-` and 16 random characters (80 bits). */
export function newHcid(economy: string): string {
  return `${economy}-${randomCode(16)}`;
}

/** A travel card number such as `SGP-7K2M-9QXD-4HPA` (60 random bits, grouped for reading). */
export function newCardNumber(economy: string): string {
  const code = randomCode(12);
  return `${economy}-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
