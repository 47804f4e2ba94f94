import { CredentialError } from '../errors.js';

/** Lengths in a container never exceed 2^21 - 1, so a varint is at most three bytes. */
const MAX_BYTES = 3;

/** Unsigned LEB128: seven bits a byte, low bits first, high bit set on all but the last byte. */
export function encodeVarint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0 || value >= 2 ** (7 * MAX_BYTES)) {
    throw new CredentialError('INVALID_ARGUMENT', 'length does not fit a container varint');
  }
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
  return Uint8Array.from(out);
}

/**
 * Reads a varint at `offset`. Refuses (`DECODING_FAILED`) one that runs past the end, is longer than
 * three bytes, or is not in its shortest form, so every length has exactly one encoding.
 */
export function decodeVarint(bytes: Uint8Array, offset: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < MAX_BYTES; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new CredentialError('DECODING_FAILED', 'QR container ends inside a length');
    value |= (byte & 0x7f) << (7 * i);
    if (byte < 0x80) {
      if (byte === 0 && i > 0) {
        throw new CredentialError('DECODING_FAILED', 'QR container has a padded length');
      }
      return { value, next: offset + i + 1 };
    }
  }
  throw new CredentialError('DECODING_FAILED', 'QR container has an over-long length');
}
