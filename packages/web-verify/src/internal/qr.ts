import { encodeBase64url } from './base64url.js';
import { CredentialError, DICTIONARY_V1, DICTIONARY_V2, decodeVarint, unwrapQrText } from './credentials.js';
import { type Inflated, InflateTooLarge, inflateBounded } from './inflate.js';

/** The largest inflated header + payload accepted, as in the Node container codec. */
export const MAX_INFLATED_BYTES = 16 * 1024;

/** The preset dictionary of each container version the Node codec reads (container.ts). */
const DICTIONARIES: ReadonlyMap<number, Uint8Array> = new Map([
  [0x01, DICTIONARY_V1],
  [0x02, DICTIONARY_V2],
]);

/** The decoded segments of the compact JWS a Passage QR carries. */
export interface QrJws {
  header: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
  /** `base64url(header) "." base64url(payload)`: what the signature covers. */
  signingInput: string;
}

/** Raw-inflates with a preset dictionary, never holding more than `max` bytes of output. */
function inflate(compressed: Uint8Array, dictionary: Uint8Array, max: number): Uint8Array {
  let inflated: Inflated;
  try {
    inflated = inflateBounded(compressed, { raw: true, dictionary, max });
  } catch (error) {
    if (error instanceof InflateTooLarge) {
      throw new CredentialError('INPUT_TOO_LARGE', 'QR payload inflates past the size limit');
    }
    throw new CredentialError('INVALID_COMPRESSION', 'QR payload is not valid DEFLATE data');
  }
  // pako leaves bytes after the end of a raw DEFLATE stream unread, as zlib does: refuse them.
  if (inflated.unread > 0) {
    throw new CredentialError('DECODING_FAILED', 'QR container has bytes after its payload');
  }
  return inflated.bytes;
}

/** Unpacks a container of any version the Node codec knows, with the same checks in the same order. */
function unpackContainer(bytes: Uint8Array): QrJws {
  const dictionary = DICTIONARIES.get(bytes[0] ?? -1);
  if (!dictionary) throw new CredentialError('DECODING_FAILED', 'QR container has an unknown version');
  const sigLength = decodeVarint(bytes, 1);
  const sigEnd = sigLength.next + sigLength.value;
  if (sigLength.value === 0 || sigEnd > bytes.length) {
    throw new CredentialError('DECODING_FAILED', 'QR container has a bad signature length');
  }
  const inner = inflate(bytes.subarray(sigEnd), dictionary, MAX_INFLATED_BYTES);
  const headerLength = decodeVarint(inner, 0);
  const headerEnd = headerLength.next + headerLength.value;
  if (headerLength.value === 0 || headerEnd >= inner.length) {
    throw new CredentialError('DECODING_FAILED', 'QR container has a bad header length or no payload');
  }
  const header = inner.subarray(headerLength.next, headerEnd);
  const payload = inner.subarray(headerEnd);
  return {
    header,
    payload,
    signature: bytes.subarray(sigLength.next, sigEnd),
    signingInput: `${encodeBase64url(header)}.${encodeBase64url(payload)}`,
  };
}

/**
 * Decodes Passage QR text to its JWS segments, as `decodeQrText` of `@passage/credentials` does
 * (`unwrapQrText`, then the container inflated with pako): bounded at every step, throwing only
 * CredentialError with the same codes.
 */
export function decodeQrJws(text: string): QrJws {
  return unwrapQrText(text, unpackContainer);
}
