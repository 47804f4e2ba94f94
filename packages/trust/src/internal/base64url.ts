/** Base64url without padding (RFC 7515 §2). */
export function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Decodes base64url, refusing characters outside its alphabet (Node would skip them silently). */
export function fromB64url(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  return Buffer.from(text, 'base64url');
}
