import { decodeBase64url, fromUtf8 } from './base64url.js';
import { CredentialError, compactJwsSegments, MAX_JWS_LENGTH, parseJwsObject } from './credentials.js';

/** A compact JWS split and parsed, not verified. */
export interface WebDecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `base64url(header) "." base64url(payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: Uint8Array;
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
    header: parseJwsObject(fromUtf8(parts.header), 'header'),
    payload: parseJwsObject(fromUtf8(parts.payload), 'payload'),
    signingInput: parts.signingInput,
    signature: parts.signature,
  };
}

/**
 * Splits and parses a compact JWS without verifying it, with the Node verifier's checks and codes
 * (`compactJwsSegments`, `parseJwsObject`): DECODING_FAILED for anything but three base64url segments
 * holding JSON objects, INPUT_TOO_LARGE past `maxLength`.
 */
export function decodeCompactJws(jws: string, maxLength: number = MAX_JWS_LENGTH): WebDecodedJws {
  const [h, p, s] = compactJwsSegments(jws, maxLength);
  return {
    header: parseJwsObject(fromUtf8(segmentBytes(h)), 'header'),
    payload: parseJwsObject(fromUtf8(segmentBytes(p)), 'payload'),
    signingInput: `${h}.${p}`,
    signature: segmentBytes(s),
  };
}
