import { CredentialError } from '../errors.js';
import { encodeBase45 } from './base45.js';
import { packContainer } from './container.js';
import { splitCompactJws } from './jws.js';
import { MAX_QR_TEXT_LENGTH, QR_PREFIX } from './text.js';

/**
 * Turns a compact JWS into QR text: {@link QR_PREFIX} and the base45 of a compressed container.
 * {@link decodeQrText} gives back the identical JWS, so its signature still verifies.
 *
 * @throws CredentialError `INVALID_ARGUMENT` when `jws` is not a compact JWS of canonical base64url
 *   segments; `INPUT_TOO_LARGE` when the text would not fit in a QR code.
 *
 * @example
 * const text = encodeQrText(jws); // 'PV1:…', about 600 characters for a vaccination certificate
 * await renderQrPng(text);
 */
export function encodeQrText(jws: string): string {
  const text = QR_PREFIX + encodeBase45(packContainer(splitCompactJws(jws)));
  if (text.length > MAX_QR_TEXT_LENGTH) {
    throw new CredentialError('INPUT_TOO_LARGE', 'credential is too large for a QR code');
  }
  return text;
}
