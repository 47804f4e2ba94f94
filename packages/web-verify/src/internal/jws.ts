import { decodeBase64url, fromUtf8 } from './base64url.js';
import { CredentialError } from './credentials.js';

/** The largest compact JWS accepted, as in the Node verifier. */
export const MAX_JWS_LENGTH = 64 * 1024;

const B64URL = /^[A-Za-z0-9_-]*$/;

/** A compact JWS split and parsed, not verified. */
export interface WebDecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `base64url(header) "." base64url(payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: Uint8Array;
}

function parseObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(bytes));
  } catch {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

function segmentBytes(segment: string): Uint8Array {
  const bytes = decodeBase64url(segment);
  if (bytes === undefined) throw new CredentialError('DECODING_FAILED', 'a JWS segment is not base64url');
  return bytes;
}

/** Parses JWS segments already decoded to bytes (from a QR container). */
export function parseJwsParts(parts: {
  header: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
  signingInput: string;
}): WebDecodedJws {
  return {
    header: parseObject(parts.header, 'header'),
    payload: parseObject(parts.payload, 'payload'),
    signingInput: parts.signingInput,
    signature: parts.signature,
  };
}

/**
 * Splits and parses a compact JWS without verifying it, with the Node verifier's rules and codes:
 * DECODING_FAILED for anything but three base64url segments holding JSON objects, INPUT_TOO_LARGE past
 * `maxLength`.
 */
export function decodeCompactJws(jws: string, maxLength: number = MAX_JWS_LENGTH): WebDecodedJws {
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
    header: parseObject(segmentBytes(h), 'header'),
    payload: parseObject(segmentBytes(p), 'payload'),
    signingInput: `${h}.${p}`,
    signature: segmentBytes(s),
  };
}
