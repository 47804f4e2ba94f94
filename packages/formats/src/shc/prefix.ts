/** The prefix of a SMART Health Card QR (`shc:/`). */
export const SHC_PREFIX = 'shc:/';

/** True when `text` is a SMART Health Card QR (`shc:/` followed by digits, possibly chunked). */
export function isShcText(text: string): boolean {
  return text.trimStart().slice(0, SHC_PREFIX.length).toLowerCase() === SHC_PREFIX;
}
