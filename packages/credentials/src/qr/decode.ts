import { CredentialError } from '../errors.js';
import { type DecodedJws, decodedJwsOfParts } from '../jws/compact.js';
import { decodeBase45 } from './base45.js';
import { type JwsParts, unpackContainer } from './container.js';
import { joinCompactJws } from './jws.js';
import { MAX_QR_TEXT_LENGTH, QR_PREFIX } from './text.js';

/** The checks of both decoders, then `then` on the container's parts; non-CredentialErrors become DECODING_FAILED. */
function decodeWith<T>(text: string, then: (parts: JwsParts) => T): T {
  if (typeof text !== 'string') throw new CredentialError('INVALID_ARGUMENT', 'QR text must be a string');
  if (text.length > MAX_QR_TEXT_LENGTH) {
    throw new CredentialError('INPUT_TOO_LARGE', 'QR text is longer than any QR code holds');
  }
  // Trimming the end is safe: the last character of base45 text is never a space (see encodeBase45).
  const trimmed = text.trim();
  if (!trimmed.startsWith(QR_PREFIX)) {
    throw new CredentialError('INVALID_PREFIX', `QR text does not start with ${QR_PREFIX}`);
  }
  try {
    return then(unpackContainer(decodeBase45(trimmed.slice(QR_PREFIX.length))));
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    throw new CredentialError('DECODING_FAILED', 'QR text could not be decoded', { cause: error });
  }
}

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
  return decodeWith(text, joinCompactJws);
}

/**
 * Passage QR text straight to its decoded JWS, as `decodeCompactJws(decodeQrText(text))` answers it
 * but without base64url-encoding the header and payload only to decode them again: the verifier's
 * path. Throws what {@link decodeQrText} throws, and DECODING_FAILED when the header or payload is
 * not a JSON object.
 */
export function decodeQrJws(text: string): DecodedJws {
  return decodeWith(text, decodedJwsOfParts);
}
