import { CredentialError } from '../errors.js';
import { encodeBase45 } from './base45.js';
import { CONTAINER_V1, CONTAINER_V2, type ContainerVersion, packContainer } from './container.js';
import { splitCompactJws } from './jws.js';
import { MAX_QR_TEXT_LENGTH, QR_PREFIX } from './text.js';

/** Options of {@link encodeQrText}. */
export interface EncodeQrOptions {
  /**
   * The container version to write: 2 (the default) or 1, for verifiers not yet updated to read
   * version 2. Every decoder of this package reads both.
   */
  containerVersion?: ContainerVersion;
}

/**
 * Turns a compact JWS into QR text: {@link QR_PREFIX} and the base45 of a compressed container.
 * {@link decodeQrText} gives back the identical JWS, so its signature still verifies.
 *
 * @throws CredentialError `INVALID_ARGUMENT` when `jws` is not a compact JWS of canonical base64url
 *   segments or the container version is unknown; `INPUT_TOO_LARGE` when the text would not fit in a
 *   QR code.
 *
 * @example
 * const text = encodeQrText(jws); // 'PV1:…', about 520 characters for a 2-dose vaccination certificate
 * await renderQrPng(text);
 */
export function encodeQrText(jws: string, options: EncodeQrOptions = {}): string {
  const version = options.containerVersion ?? CONTAINER_V2;
  if (version !== CONTAINER_V1 && version !== CONTAINER_V2) {
    throw new CredentialError('INVALID_ARGUMENT', 'unknown QR container version');
  }
  const text = QR_PREFIX + encodeBase45(packContainer(splitCompactJws(jws), version));
  if (text.length > MAX_QR_TEXT_LENGTH) {
    throw new CredentialError('INPUT_TOO_LARGE', 'credential is too large for a QR code');
  }
  return text;
}
