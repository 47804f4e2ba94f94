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
