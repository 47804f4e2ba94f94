import { gunzipSync, gzipSync } from 'node:zlib';
import { CredentialError } from '../errors.js';

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

/**
 * `encodedList` as the spec defines it: the bitstring GZIP-compressed, then multibase base64url
 * (the `u` prefix, no padding).
 */
export function encodeStatusList(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

/**
 * Decodes an `encodedList`. Decompression stops at {@link MAX_STATUS_LIST_BYTES}, so a hostile list
 * cannot exhaust memory.
 *
 * @throws CredentialError `DECODING_FAILED` for a value without the `u` multibase prefix or not
 *   base64url; `INVALID_COMPRESSION` when GZIP fails or the result is larger than the bound.
 */
export function decodeStatusList(encoded: string, maxBytes: number = MAX_STATUS_LIST_BYTES): Uint8Array {
  if (!encoded.startsWith('u') || !/^[A-Za-z0-9_-]+$/.test(encoded.slice(1))) {
    throw new CredentialError('DECODING_FAILED', 'encodedList is not multibase base64url');
  }
  const compressed = Buffer.from(encoded.slice(1), 'base64url');
  try {
    return new Uint8Array(gunzipSync(compressed, { maxOutputLength: maxBytes }));
  } catch (cause) {
    throw new CredentialError('INVALID_COMPRESSION', 'encodedList is not GZIP within the size bound', {
      cause,
    });
  }
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
