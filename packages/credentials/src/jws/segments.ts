import { CredentialError } from '../errors.js';
import { MAX_JSON_DEPTH, withinJsonDepth } from './json-depth.js';

// The platform-free half of reading a compact JWS: the shape checks and JSON parsing that decide
// codes. compact.ts decodes base64url with Buffer; the browser verifier with its own decoder.

/** The largest compact JWS we accept (a QR holds far less; this bounds work on hostile input). */
export const MAX_JWS_LENGTH = 64 * 1024;

const B64URL = /^[A-Za-z0-9_-]*$/;

/** True when `text` has the shape of a compact JWS (three base64url segments). */
export function looksLikeCompactJws(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 3 && parts.every((p) => p.length > 0 && B64URL.test(p));
}

/**
 * The three base64url segments of a compact JWS, still encoded.
 *
 * @throws CredentialError `INPUT_TOO_LARGE` beyond `maxLength`; `DECODING_FAILED` for anything that is
 *   not three non-empty base64url segments.
 */
export function compactJwsSegments(jws: string, maxLength: number): readonly [string, string, string] {
  if (jws.length > maxLength) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  const parts = jws.split('.');
  const [h, p, s] = parts;
  if (parts.length !== 3 || h === undefined || p === undefined || s === undefined) {
    throw new CredentialError('DECODING_FAILED', 'a compact JWS has three segments');
  }
  if (!B64URL.test(h) || !B64URL.test(p) || !B64URL.test(s) || h === '' || p === '' || s === '') {
    throw new CredentialError('DECODING_FAILED', 'a JWS segment is not base64url');
  }
  return parts as [string, string, string];
}

/**
 * A JWS header or payload, parsed from its JSON text.
 *
 * @throws CredentialError `DECODING_FAILED` when it is not JSON, not a JSON object, or nests deeper than
 *   {@link MAX_JSON_DEPTH} levels.
 */
export function parseJwsObject(json: string, what: 'header' | 'payload'): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not JSON`, { cause });
  }
  return jwsObjectOf(value, what);
}

/**
 * A parsed JWS header or payload, checked to be a JSON object no deeper than {@link MAX_JSON_DEPTH}
 * levels (reports echo it, and JSON.stringify overflows on a few thousand). For readers that parse the
 * JSON themselves, such as SMART Health Cards' inflated payloads.
 *
 * @throws CredentialError `DECODING_FAILED` otherwise.
 */
export function jwsObjectOf(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not a JSON object`);
  }
  if (!withinJsonDepth(value)) {
    throw new CredentialError(
      'DECODING_FAILED',
      `the JWS ${what} nests deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  return value as Record<string, unknown>;
}
