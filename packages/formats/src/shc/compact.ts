// Splitting and reading a card's compact JWS, with the byte-level work (base64url, UTF-8, inflating)
// handed to a codec: the Node verifier's uses native buffers and zlib, a browser's its own. The checks
// that decide codes, and their order, are these for both.
import { CredentialError, jwsObjectOf } from '@passage/credentials/pure';
import { MAX_SHC_JWS_LENGTH } from './chunks.js';

/** The most a card's payload may inflate to: far above any real card, far below a zip bomb. */
export const MAX_SHC_PAYLOAD_BYTES = 64 * 1024;

/** The byte-level operations of a platform, as {@link shcJwsDecoder} needs them. */
export interface ShcCodec<B extends Uint8Array> {
  /** Decodes base64url text (already checked to hold only its alphabet) as Node's decoder does. */
  fromBase64url(text: string): B;
  /** The text of UTF-8 bytes (a BOM kept), or undefined when they are not UTF-8. */
  utf8Text(bytes: B): string | undefined;
  /**
   * Raw DEFLATE (RFC 1951), bounded at {@link MAX_SHC_PAYLOAD_BYTES}; throws INPUT_TOO_LARGE or
   * INVALID_COMPRESSION (CredentialError).
   */
  inflate(compressed: B): B;
}

/** A SMART Health Card's compact JWS, split and decoded once (not yet verified). */
export interface ShcJwsOf<B extends Uint8Array> {
  header: Record<string, unknown>;
  /** The inflated JWT claims. */
  payload: Record<string, unknown>;
  /** `base64url(header) "." base64url(compressed payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: B;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function jsonObject<B extends Uint8Array>(
  codec: ShcCodec<B>,
  bytes: B,
  what: string,
): Record<string, unknown> {
  let value: unknown;
  try {
    const text = codec.utf8Text(bytes);
    if (text === undefined) throw new TypeError('not UTF-8');
    value = JSON.parse(text);
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', `the JWS ${what} is not UTF-8 JSON`, { cause });
  }
  // The FHIR bundle is echoed in the report: the shared check bounds its depth.
  return jwsObjectOf(value, what);
}

// An issuer signs every card with the same few headers ({"zip":"DEF","alg":"ES256","kid":…}): each is
// parsed once. Keyed by the segment's own text (so an entry is what parsing would give), bounded, and
// holding only flat headers, handed out as copies, so no caller can change what the next one reads.
const HEADER_CACHE_SIZE = 64;
const MAX_CACHED_HEADER_LENGTH = 512;

function isFlat(header: Record<string, unknown>): boolean {
  for (const key in header) {
    const value = header[key];
    if (typeof value === 'object' && value !== null) return false;
  }
  return true;
}

/**
 * A decoder of card JWSs over `codec`, with its own header cache: it splits a compact JWS, checks
 * that its header announces `zip: "DEF"` and inflates the payload (bounded). The decoder throws
 * INPUT_TOO_LARGE, DECODING_FAILED or INVALID_COMPRESSION; it verifies nothing.
 *
 * @example
 * const decodeShcJws = shcJwsDecoder(webCodec);
 * const { header, payload, signingInput, signature } = decodeShcJws(jws);
 */
export function shcJwsDecoder<B extends Uint8Array>(codec: ShcCodec<B>): (jws: string) => ShcJwsOf<B> {
  const headers = new Map<string, Record<string, unknown>>();
  const headerOf = (segment: string): Record<string, unknown> => {
    const cached = headers.get(segment);
    if (cached !== undefined) return { ...cached };
    const header = jsonObject(codec, codec.fromBase64url(segment), 'header');
    if (segment.length <= MAX_CACHED_HEADER_LENGTH && isFlat(header)) {
      if (headers.size >= HEADER_CACHE_SIZE) headers.delete(headers.keys().next().value ?? '');
      headers.set(segment, { ...header });
    }
    return header;
  };
  return (jws) => {
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
      throw new CredentialError(
        'INVALID_COMPRESSION',
        'a SMART Health Card payload is compressed (zip: DEF)',
      );
    }
    const payload = jsonObject(codec, codec.inflate(codec.fromBase64url(p)), 'payload');
    // A slice of the JWS itself rather than a concatenation to flatten again for the signature check.
    const signingInput = jws.slice(0, h.length + 1 + p.length);
    return { header, payload, signingInput, signature: codec.fromBase64url(s) };
  };
}
