import { CredentialError } from '../errors.js';
import { decodeBase45 } from './base45.js';

/** The prefix of Passage QR text: names the format and its version, like the EU DCC's `HC1:`. */
export const QR_PREFIX = 'PV1:';

/** The most characters a QR code holds in alphanumeric mode (version 40, error correction L). */
export const MAX_QR_TEXT_LENGTH = 4296;

/**
 * True when `text` looks like Passage QR text (it starts with {@link QR_PREFIX}, after any surrounding
 * whitespace). A sniff for routing input, not a validation: {@link decodeQrText} still may refuse it.
 */
export function isPassageQrText(text: string): boolean {
  return typeof text === 'string' && text.trimStart().startsWith(QR_PREFIX);
}

/**
 * The checks every Passage QR decoder makes (a string, of a length a QR code holds, with the prefix),
 * then `unpack` on its base45-decoded bytes; anything but a CredentialError thrown on the way becomes
 * DECODING_FAILED. The container is unpacked by `unpack`: its inflate differs per platform.
 *
 * @throws CredentialError `INVALID_ARGUMENT`, `INPUT_TOO_LARGE`, `INVALID_PREFIX`, `INVALID_BASE45`,
 *   `DECODING_FAILED`, or what `unpack` throws.
 */
export function unwrapQrText<T>(text: string, unpack: (bytes: Uint8Array) => T): T {
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
    return unpack(decodeBase45(trimmed.slice(QR_PREFIX.length)));
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    throw new CredentialError('DECODING_FAILED', 'QR text could not be decoded', { cause: error });
  }
}
