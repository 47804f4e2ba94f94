import { Inflate } from 'pako';
import { encodeBase64url } from './base64url.js';
import { CredentialError, DICTIONARY_V1, DICTIONARY_V2, decodeVarint, unwrapQrText } from './credentials.js';

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

/** Thrown from `onData` to stop pako as soon as the output passes the bound. */
class TooLarge extends Error {}

/** pako's stream state, which its type declarations leave out: did it end, and how much input is left. */
function engineOf(inflator: Inflate): { ended: boolean; unread: number } {
  const { ended, strm } = inflator as unknown as { ended?: unknown; strm?: { avail_in?: unknown } };
  const unread = strm?.avail_in;
  if (typeof ended !== 'boolean' || typeof unread !== 'number') {
    throw new CredentialError('INVALID_COMPRESSION', 'the inflater reported no state');
  }
  return { ended, unread };
}

/** Raw-inflates with a preset dictionary, never holding more than `max` bytes of output. */
function inflate(compressed: Uint8Array, dictionary: Uint8Array, max: number): Uint8Array {
  const inflator = new Inflate({ raw: true, dictionary, chunkSize: 4096 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflator.onData = (chunk) => {
    const bytes = chunk as Uint8Array;
    total += bytes.length;
    if (total > max) throw new TooLarge();
    chunks.push(bytes.slice());
  };
  try {
    inflator.push(compressed, true);
  } catch (error) {
    if (error instanceof TooLarge) {
      throw new CredentialError('INPUT_TOO_LARGE', 'QR payload inflates past the size limit');
    }
    throw new CredentialError('INVALID_COMPRESSION', 'QR payload is not valid DEFLATE data');
  }
  const state = engineOf(inflator);
  if (inflator.err !== 0 || !state.ended) {
    throw new CredentialError('INVALID_COMPRESSION', 'QR payload is not valid DEFLATE data');
  }
  // pako leaves bytes after the end of a raw DEFLATE stream unread, as zlib does: refuse them.
  if (state.unread > 0) {
    throw new CredentialError('DECODING_FAILED', 'QR container has bytes after its payload');
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
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
