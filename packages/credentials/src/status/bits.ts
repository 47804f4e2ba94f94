import { CredentialError } from '../errors.js';

// The bitstring of a status list, as the Bitstring Status List spec lays it out. Pure: the browser
// verifier reads bits with these too (GZIP, which differs per platform, is in bitstring.ts).

/** The smallest list the Bitstring Status List spec allows for herd privacy: 16 KiB of bits. */
export const MIN_STATUS_LIST_SIZE = 131_072;

/** The largest decoded list a verifier accepts (8 Mi entries); bounds decompression of hostile input. */
export const MAX_STATUS_LIST_BYTES = 1024 * 1024;

/** A list of `size` status bits, all clear. `size` is a multiple of 8 and at least the spec minimum. */
export function emptyStatusList(size: number = MIN_STATUS_LIST_SIZE): Uint8Array {
  if (!Number.isInteger(size) || size < MIN_STATUS_LIST_SIZE || size % 8 !== 0) {
    throw new CredentialError(
      'INVALID_ARGUMENT',
      `a status list holds a multiple of 8 and at least ${MIN_STATUS_LIST_SIZE} entries`,
    );
  }
  return new Uint8Array(size / 8);
}

/** The number of entries a decoded list holds. */
export const statusListSize = (bits: Uint8Array): number => bits.length * 8;

/** Reads entry `index`. Index 0 is the left-most (most significant) bit of the first byte, per the spec. */
export function getStatusBit(bits: Uint8Array, index: number): boolean {
  const byte = bits[index >> 3];
  if (!Number.isInteger(index) || index < 0 || byte === undefined) {
    throw new CredentialError('INVALID_ARGUMENT', 'the status index is outside the list');
  }
  return (byte & (0x80 >> (index & 7))) !== 0;
}

/** Sets or clears entry `index` in place. */
export function setStatusBit(bits: Uint8Array, index: number, value: boolean): void {
  const byte = bits[index >> 3];
  if (!Number.isInteger(index) || index < 0 || byte === undefined) {
    throw new CredentialError('INVALID_ARGUMENT', 'the status index is outside the list');
  }
  const mask = 0x80 >> (index & 7);
  bits[index >> 3] = value ? byte | mask : byte & ~mask;
}

/**
 * The base64url text of an `encodedList` (multibase: the `u` prefix, no padding), still GZIP-compressed.
 *
 * @throws CredentialError `DECODING_FAILED` for a value without the `u` prefix or not base64url.
 */
export function encodedListBase64url(encoded: string): string {
  const text = encoded.slice(1);
  if (!encoded.startsWith('u') || !/^[A-Za-z0-9_-]+$/.test(text)) {
    throw new CredentialError('DECODING_FAILED', 'encodedList is not multibase base64url');
  }
  return text;
}
