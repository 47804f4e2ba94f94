import { type DecodedJws, decodedJwsOfParts } from '../jws/compact.js';
import { unpackContainer } from './container.js';
import { joinCompactJws } from './jws.js';
import { unwrapQrText } from './text.js';

// Module-level, so a decode allocates no closure.
const toCompactJws = (bytes: Uint8Array) => joinCompactJws(unpackContainer(bytes));
const toDecodedJws = (bytes: Uint8Array) => decodedJwsOfParts(unpackContainer(bytes));

/**
 * Turns Passage QR text back into the compact JWS it was made from. Safe on hostile input: it throws
 * only {@link CredentialError}, bounds every length and inflates at most 16 KiB. Surrounding
 * whitespace (from a scanner or a copy) is ignored; the prefix is case-sensitive, as QR alphanumeric
 * mode has no lowercase.
 *
 * @throws CredentialError `INPUT_TOO_LARGE`, `INVALID_PREFIX`, `INVALID_BASE45`,
 *   `INVALID_COMPRESSION`, `DECODING_FAILED`, or `INVALID_ARGUMENT` for a non-string.
 */
export function decodeQrText(text: string): string {
  return unwrapQrText(text, toCompactJws);
}

/**
 * Passage QR text straight to its decoded JWS, as `decodeCompactJws(decodeQrText(text))` answers it
 * but without base64url-encoding the header and payload only to decode them again: the verifier's
 * path. Throws what {@link decodeQrText} throws, and DECODING_FAILED when the header or payload is
 * not a JSON object.
 */
export function decodeQrJws(text: string): DecodedJws {
  return unwrapQrText(text, toDecodedJws);
}
