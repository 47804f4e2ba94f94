import { gunzipSync, gzipSync } from 'node:zlib';
import { CredentialError } from '../errors.js';
import { encodedListBase64url, MAX_STATUS_LIST_BYTES } from './bits.js';

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
  const compressed = Buffer.from(encodedListBase64url(encoded), 'base64url');
  try {
    return new Uint8Array(gunzipSync(compressed, { maxOutputLength: maxBytes }));
  } catch (cause) {
    throw new CredentialError('INVALID_COMPRESSION', 'encodedList is not GZIP within the size bound', {
      cause,
    });
  }
}
