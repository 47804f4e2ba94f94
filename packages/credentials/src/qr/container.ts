import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CredentialError } from '../errors.js';
import { qrDeflateOptions } from './deflate-window.js';
import { DICTIONARY_V1, DICTIONARY_V2 } from './dictionary.js';
import { decodeVarint, encodeVarint } from './varint.js';

/**
 * Layout, after base45 decoding, of every version:
 *
 *     version | varint(signature length) | signature | raw DEFLATE(varint(header length) | header | payload)
 *
 * The signature is random bytes, so it is stored as is; the header and payload are the exact JSON
 * bytes of the JWS segments, compressed together with the version's preset dictionary. The versions
 * differ only in that dictionary.
 */
export const CONTAINER_V1 = 0x01;

/** Version 2: the dictionary also holds the two status entries every credential carries. */
export const CONTAINER_V2 = 0x02;

/** A container version this codec reads and writes. */
export type ContainerVersion = typeof CONTAINER_V1 | typeof CONTAINER_V2;

/** What encoders write unless told otherwise. */
export const DEFAULT_CONTAINER_VERSION: ContainerVersion = CONTAINER_V2;

/** The preset dictionary of `version`; an unknown version is `DECODING_FAILED`. */
function dictionaryOf(version: number | undefined): Buffer {
  if (version === CONTAINER_V1) return DICTIONARY_V1;
  if (version === CONTAINER_V2) return DICTIONARY_V2;
  throw new CredentialError('DECODING_FAILED', 'QR container has an unknown version');
}

/** The largest inflated header + payload a decoder accepts: far above any credential, far below harm. */
export const MAX_INFLATED_BYTES = 16 * 1024;

/** The parts of a compact JWS, as the bytes its base64url segments stand for. */
export interface JwsParts {
  header: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Packs JWS parts into a container of `version` (version 2 unless told). */
export function packContainer(
  parts: JwsParts,
  version: ContainerVersion = DEFAULT_CONTAINER_VERSION,
): Uint8Array {
  const inner = Buffer.concat([encodeVarint(parts.header.length), parts.header, parts.payload]);
  if (inner.length > MAX_INFLATED_BYTES) {
    throw new CredentialError('INPUT_TOO_LARGE', 'credential is too large for a QR code');
  }
  const dictionary = dictionaryOf(version);
  const compressed = deflateRawSync(inner, qrDeflateOptions(dictionary, inner.length));
  return Buffer.concat([
    Uint8Array.of(version),
    encodeVarint(parts.signature.length),
    parts.signature,
    compressed,
  ]);
}

/** Unpacks a container of any known version, refusing anything but its one exact layout. */
export function unpackContainer(bytes: Uint8Array): JwsParts {
  const dictionary = dictionaryOf(bytes[0]);
  const sigLength = decodeVarint(bytes, 1);
  const sigEnd = sigLength.next + sigLength.value;
  if (sigLength.value === 0 || sigEnd > bytes.length) {
    throw new CredentialError('DECODING_FAILED', 'QR container has a bad signature length');
  }
  const inner = inflate(bytes.subarray(sigEnd), dictionary);
  const headerLength = decodeVarint(inner, 0);
  const headerEnd = headerLength.next + headerLength.value;
  if (headerLength.value === 0 || headerEnd >= inner.length) {
    throw new CredentialError('DECODING_FAILED', 'QR container has a bad header length or no payload');
  }
  return {
    header: inner.subarray(headerLength.next, headerEnd),
    payload: inner.subarray(headerEnd),
    signature: bytes.subarray(sigLength.next, sigEnd),
  };
}

function inflate(compressed: Uint8Array, dictionary: Buffer): Buffer {
  let result: unknown;
  try {
    // `info` also returns the engine, whose `bytesWritten` is the input zlib consumed: less than the
    // whole input means bytes after the end of the DEFLATE stream, which zlib would silently ignore.
    result = inflateRawSync(compressed, {
      dictionary,
      maxOutputLength: MAX_INFLATED_BYTES,
      info: true,
    });
  } catch (error) {
    if (error instanceof RangeError && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CredentialError('INPUT_TOO_LARGE', 'QR payload inflates past the size limit', {
        cause: error,
      });
    }
    throw new CredentialError('INVALID_COMPRESSION', 'QR payload is not valid DEFLATE data', {
      cause: error,
    });
  }
  if (!isInflateInfo(result)) {
    throw new CredentialError('INVALID_COMPRESSION', 'zlib returned an unexpected result');
  }
  if (result.engine.bytesWritten !== compressed.length) {
    throw new CredentialError('DECODING_FAILED', 'QR container has bytes after its payload');
  }
  return result.buffer;
}

function isInflateInfo(value: unknown): value is { buffer: Buffer; engine: { bytesWritten: number } } {
  if (typeof value !== 'object' || value === null || !('buffer' in value) || !('engine' in value)) {
    return false;
  }
  const { buffer, engine } = value;
  return (
    Buffer.isBuffer(buffer) &&
    typeof engine === 'object' &&
    engine !== null &&
    'bytesWritten' in engine &&
    typeof engine.bytesWritten === 'number'
  );
}
