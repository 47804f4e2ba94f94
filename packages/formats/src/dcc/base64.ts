/** Standard base64 of a few bytes (a kid), as node's `toString('base64')` writes it (and as fast). */
export function base64Of(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}
