import { deflateRaw } from 'pako';
import { decodeBase64url, encodeBase64url } from './base64url.js';
import {
  CredentialError,
  concatBytes,
  DICTIONARY_V2,
  encodeBase45,
  encodeVarint,
  MAX_QR_TEXT_LENGTH,
  QR_PREFIX,
} from './credentials.js';
import { MAX_INFLATED_BYTES } from './qr.js';

/** Container version 2, the one `encodeQrText` of `@passage/credentials` writes by default. */
const CONTAINER_V2 = 0x02;

/** One canonical base64url segment's bytes; re-encoding must give the same text or the signature breaks. */
function segmentBytes(segment: string | undefined): Uint8Array {
  const bytes = segment ? decodeBase64url(segment) : undefined;
  if (!segment || !bytes || encodeBase64url(bytes) !== segment) {
    throw new CredentialError('INVALID_ARGUMENT', 'JWS segment is empty or not canonical base64url');
  }
  return bytes;
}

/**
 * Turns a compact JWS into Passage QR text in the browser, as `encodeQrText` of
 * `@passage/credentials` does (container version 2): `PV1:` and the base45 of
 * `version | varint(signature length) | signature | raw DEFLATE(varint(header length) | header | payload)`,
 * compressed with pako and the version's preset dictionary. `decodeQrText` gives back the same JWS.
 *
 * @throws CredentialError `INVALID_ARGUMENT` when `jws` is not a compact JWS of canonical base64url
 *   segments; `INPUT_TOO_LARGE` when it would not fit in a QR code.
 *
 * @example
 * const text = encodeQrJws(credentialJws); // 'PV1:…'
 */
export function encodeQrJws(jws: string): string {
  const segments = jws.split('.');
  if (segments.length !== 3) {
    throw new CredentialError('INVALID_ARGUMENT', 'JWS must have three segments (compact serialization)');
  }
  const [header, payload, signature] = segments.map(segmentBytes);
  if (!header || !payload || !signature) {
    throw new CredentialError('INVALID_ARGUMENT', 'JWS must have three segments (compact serialization)');
  }
  const inner = concatBytes([encodeVarint(header.length), header, payload]);
  if (inner.length > MAX_INFLATED_BYTES) {
    throw new CredentialError('INPUT_TOO_LARGE', 'credential is too large for a QR code');
  }
  const compressed = deflateRaw(inner, { level: 9, memLevel: 9, dictionary: DICTIONARY_V2 });
  const container = concatBytes([
    Uint8Array.of(CONTAINER_V2),
    encodeVarint(signature.length),
    signature,
    compressed,
  ]);
  const text = QR_PREFIX + encodeBase45(container);
  if (text.length > MAX_QR_TEXT_LENGTH) {
    throw new CredentialError('INPUT_TOO_LARGE', 'credential is too large for a QR code');
  }
  return text;
}
