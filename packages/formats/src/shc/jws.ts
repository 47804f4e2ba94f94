import { isUtf8 } from 'node:buffer';
import { CredentialError, MAX_JSON_DEPTH, withinJsonDepth } from '@passage/credentials/pure';
import { inflateBounded } from '../internal/bounded-inflate.js';
import { MAX_SHC_JWS_LENGTH } from './numeric.js';

/** The most a card's payload may inflate to: far above any real card, far below a zip bomb. */
export const MAX_SHC_PAYLOAD_BYTES = 64 * 1024;

const B64URL = /^[A-Za-z0-9_-]+$/;

/** A SMART Health Card's compact JWS, split and decoded once (not yet verified). */
export interface ShcJws {
  header: Record<string, unknown>;
  /** The inflated JWT claims. */
  payload: Record<string, unknown>;
  /** `base64url(header) "." base64url(compressed payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

function jsonObject(bytes: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    if (!isUtf8(bytes)) throw new TypeError('not UTF-8');
    value = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not UTF-8 JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not a JSON object`);
  }
  // The FHIR bundle is echoed in the report: JSON.stringify overflows on a few thousand levels.
  if (!withinJsonDepth(value)) {
    throw new CredentialError(
      'DECODING_FAILED',
      `the JWS ${what} nests deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  return value as Record<string, unknown>;
}

// An issuer signs every card with the same few headers ({"zip":"DEF","alg":"ES256","kid":…}): each is
// parsed once. Keyed by the segment's own text (so an entry is what parsing would give), bounded, and
// holding only flat headers, handed out as copies, so no caller can change what the next one reads.
const HEADER_CACHE_SIZE = 64;
const MAX_CACHED_HEADER_LENGTH = 512;
const headers = new Map<string, Record<string, unknown>>();

function isFlat(header: Record<string, unknown>): boolean {
  for (const key in header) {
    const value = header[key];
    if (typeof value === 'object' && value !== null) return false;
  }
  return true;
}

function headerOf(segment: string): Record<string, unknown> {
  const cached = headers.get(segment);
  if (cached !== undefined) return { ...cached };
  const header = jsonObject(Buffer.from(segment, 'base64url'), 'header');
  if (segment.length <= MAX_CACHED_HEADER_LENGTH && isFlat(header)) {
    if (headers.size >= HEADER_CACHE_SIZE) headers.delete(headers.keys().next().value ?? '');
    headers.set(segment, { ...header });
  }
  return header;
}

/** Raw DEFLATE (RFC 1951), stopping at {@link MAX_SHC_PAYLOAD_BYTES} instead of inflating a bomb. */
export function inflateShcPayload(compressed: Buffer): Buffer {
  try {
    return inflateBounded('raw', compressed, MAX_SHC_PAYLOAD_BYTES);
  } catch (cause) {
    if (cause instanceof RangeError || (cause as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CredentialError('INPUT_TOO_LARGE', 'the card payload inflates beyond the limit', { cause });
    }
    throw new CredentialError('INVALID_COMPRESSION', 'the card payload is not raw DEFLATE', { cause });
  }
}

/**
 * Splits a card's compact JWS, checks that its header announces `zip: "DEF"` and inflates the payload
 * (bounded). Throws INPUT_TOO_LARGE, DECODING_FAILED or INVALID_COMPRESSION; verifies nothing.
 */
export function decodeShcJws(jws: string): ShcJws {
  if (jws.length > MAX_SHC_JWS_LENGTH) throw new CredentialError('INPUT_TOO_LARGE', 'the JWS is too large');
  const parts = jws.split('.');
  const [h, p, s] = parts;
  if (parts.length !== 3 || h === undefined || p === undefined || s === undefined) {
    throw new CredentialError('DECODING_FAILED', 'a compact JWS has three segments');
  }
  if (!B64URL.test(h) || !B64URL.test(p) || !B64URL.test(s)) {
    throw new CredentialError('DECODING_FAILED', 'a JWS segment is not base64url');
  }
  const header = headerOf(h);
  if (header.zip !== 'DEF') {
    throw new CredentialError('INVALID_COMPRESSION', 'a SMART Health Card payload is compressed (zip: DEF)');
  }
  const payload = jsonObject(inflateShcPayload(Buffer.from(p, 'base64url')), 'payload');
  // A slice of the JWS itself rather than a concatenation to flatten again for the signature check.
  const signingInput = jws.slice(0, h.length + 1 + p.length);
  return { header, payload, signingInput, signature: Buffer.from(s, 'base64url') };
}
