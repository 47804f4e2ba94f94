import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CredentialError } from '../errors.js';
import { DICTIONARY_V1 } from './dictionary.js';
import { decodeVarint, encodeVarint } from './varint.js';

/**
 * Version 1 layout, after base45 decoding:
 *
 *     0x01 | varint(signature length) | signature | raw DEFLATE(varint(header length) | header | payload)
 *
 * The signature is random bytes, so it is stored as is; the header and payload are the exact JSON
 * bytes of the JWS segments, compressed together with {@link DICTIONARY_V1}.
 */
export const CONTAINER_V1 = 0x01;

/** The largest inflated header + payload a decoder accepts: far above any credential, far below harm. */
export const MAX_INFLATED_BYTES = 16 * 1024;

/** The parts of a compact JWS, as the bytes its base64url segments stand for. */
export interface JwsParts {
  header: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Packs JWS parts into a version-1 container. */
export function packContainer(parts: JwsParts): Uint8Array {
  const inner = Buffer.concat([encodeVarint(parts.header.length), parts.header, parts.payload]);
  if (inner.length > MAX_INFLATED_BYTES) {
    throw new CredentialError('INPUT_TOO_LARGE', 'credential is too large for a QR code');
  }
  const compressed = deflateRawSync(inner, { level: 9, memLevel: 9, dictionary: DICTIONARY_V1 });
  return Buffer.concat([
    Uint8Array.of(CONTAINER_V1),
    encodeVarint(parts.signature.length),
    parts.signature,
    compressed,
  ]);
}

/** Unpacks a container, refusing anything but one exact version-1 layout. */
export function unpackContainer(bytes: Uint8Array): JwsParts {
  if (bytes[0] !== CONTAINER_V1) {
    throw new CredentialError('DECODING_FAILED', 'QR container has an unknown version');
  }
  const sigLength = decodeVarint(bytes, 1);
  const sigEnd = sigLength.next + sigLength.value;
  if (sigLength.value === 0 || sigEnd > bytes.length) {
    throw new CredentialError('DECODING_FAILED', 'QR container has a bad signature length');
  }
  const inner = inflate(bytes.subarray(sigEnd));
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

function inflate(compressed: Uint8Array): Buffer {
  let result: unknown;
  try {
    // `info` also returns the engine, whose `bytesWritten` is the input zlib consumed: less than the
    // whole input means bytes after the end of the DEFLATE stream, which zlib would silently ignore.
    result = inflateRawSync(compressed, {
      dictionary: DICTIONARY_V1,
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
