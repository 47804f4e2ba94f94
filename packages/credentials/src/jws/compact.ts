import { CredentialError } from '../errors.js';
import { compactJwsSegments, MAX_JWS_LENGTH, parseJwsObject } from './segments.js';

export { looksLikeCompactJws, MAX_JWS_LENGTH } from './segments.js';

/** The parts of a compact JWS, decoded once. */
export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `base64url(header) "." base64url(payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

/**
 * A decoded JWS, or a credential secured otherwise (COSE) read into the same shape: its signing
 * input is then the bytes the signature covers (a COSE `Sig_structure`).
 */
export interface DecodedSecured extends Omit<DecodedJws, 'signingInput'> {
  signingInput: string | Uint8Array;
}

/**
 * Splits and decodes a compact JWS without verifying it. Throws DECODING_FAILED (or INPUT_TOO_LARGE,
 * beyond `maxLength`) for anything that is not three base64url segments holding a JSON header and a
 * JSON payload. Status lists pass a larger bound than credentials.
 */
export function decodeCompactJws(jws: string, maxLength: number = MAX_JWS_LENGTH): DecodedJws {
  const [h, p, s] = compactJwsSegments(jws, maxLength);
  return {
    header: parseJwsObject(Buffer.from(h, 'base64url').toString('utf8'), 'header'),
    payload: parseJwsObject(Buffer.from(p, 'base64url').toString('utf8'), 'payload'),
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The decoded JWS of segments already held as bytes (a QR container keeps them so): the header and
 * payload are parsed from their bytes, and only the signing input is base64url-encoded, once, giving
 * exactly the text the signature covers. The same checks and codes as {@link decodeCompactJws}; the
 * caller bounds the sizes.
 */
export function decodedJwsOfParts(parts: {
  header: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}): DecodedJws {
  const header = view(parts.header);
  const payload = view(parts.payload);
  if (header.length === 0 || payload.length === 0 || parts.signature.length === 0) {
    throw new CredentialError('DECODING_FAILED', 'a JWS segment is not base64url');
  }
  return {
    header: parseJwsObject(header.toString('utf8'), 'header'),
    payload: parseJwsObject(payload.toString('utf8'), 'payload'),
    signingInput: `${header.toString('base64url')}.${payload.toString('base64url')}`,
    signature: view(parts.signature),
  };
}

/** base64url of a JSON value, as a JWS segment. */
export function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
