/** The context identifier of an EU DCC in a QR code (version 1 of the health certificate). */
export const DCC_PREFIX = 'HC1:';

/** True when the scanned text is meant to be an EU DCC (starts with `HC1:`, case-sensitive). */
export function isDccText(text: string): boolean {
  return text.startsWith(DCC_PREFIX);
}
