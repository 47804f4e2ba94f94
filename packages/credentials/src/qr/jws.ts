import { CredentialError } from '../errors.js';
import type { JwsParts } from './container.js';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Splits a compact JWS into the bytes of its three segments. A segment that is not canonical base64url
 * (padding, stray characters, non-zero spare bits) is refused: re-encoding its bytes would give a
 * different string, and the rebuilt JWS would no longer match its signature.
 */
export function splitCompactJws(jws: string): JwsParts {
  if (typeof jws !== 'string') throw new CredentialError('INVALID_ARGUMENT', 'JWS must be a string');
  const segments = jws.split('.');
  if (segments.length !== 3) {
    throw new CredentialError('INVALID_ARGUMENT', 'JWS must have three segments (compact serialization)');
  }
  const [header, payload, signature] = segments.map(decodeSegment);
  if (header === undefined || payload === undefined || signature === undefined) {
    throw new CredentialError('INVALID_ARGUMENT', 'JWS must have three segments (compact serialization)');
  }
  return { header, payload, signature };
}

/** Joins segment bytes back into a compact JWS. */
export function joinCompactJws(parts: JwsParts): string {
  return [parts.header, parts.payload, parts.signature]
    .map((p) => Buffer.from(p).toString('base64url'))
    .join('.');
}

function decodeSegment(segment: string): Uint8Array {
  if (!BASE64URL.test(segment)) {
    throw new CredentialError('INVALID_ARGUMENT', 'JWS segment is empty or not base64url');
  }
  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.toString('base64url') !== segment) {
    throw new CredentialError('INVALID_ARGUMENT', 'JWS segment is not canonical base64url');
  }
  return bytes;
}
