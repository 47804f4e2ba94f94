import { CredentialError } from '../errors.js';

/** The largest compact JWS we accept (a QR holds far less; this bounds work on hostile input). */
export const MAX_JWS_LENGTH = 64 * 1024;

const B64URL = /^[A-Za-z0-9_-]*$/;

/** The parts of a compact JWS, decoded once. */
export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `base64url(header) "." base64url(payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

function parseObject(json: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** True when `text` has the shape of a compact JWS (three base64url segments). */
export function looksLikeCompactJws(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 3 && parts.every((p) => p.length > 0 && B64URL.test(p));
}

/**
 * Splits and decodes a compact JWS without verifying it. Throws DECODING_FAILED (or INPUT_TOO_LARGE,
 * beyond `maxLength`) for anything that is not three base64url segments holding a JSON header and a
 * JSON payload. Status lists pass a larger bound than credentials.
 */
export function decodeCompactJws(jws: string, maxLength: number = MAX_JWS_LENGTH): DecodedJws {
  if (jws.length > maxLength) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  const parts = jws.split('.');
  const [h, p, s] = parts;
  if (parts.length !== 3 || h === undefined || p === undefined || s === undefined) {
    throw new CredentialError('DECODING_FAILED', 'a compact JWS has three segments');
  }
  if (!B64URL.test(h) || !B64URL.test(p) || !B64URL.test(s) || h === '' || p === '' || s === '') {
    throw new CredentialError('DECODING_FAILED', 'a JWS segment is not base64url');
  }
  return {
    header: parseObject(Buffer.from(h, 'base64url').toString('utf8'), 'header'),
    payload: parseObject(Buffer.from(p, 'base64url').toString('utf8'), 'payload'),
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
    header: parseObject(header.toString('utf8'), 'header'),
    payload: parseObject(payload.toString('utf8'), 'payload'),
    signingInput: `${header.toString('base64url')}.${payload.toString('base64url')}`,
    signature: view(parts.signature),
  };
}

/** base64url of a JSON value, as a JWS segment. */
export function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
