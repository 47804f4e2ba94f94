const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const at = (n: number): string => ALPHABET.charAt(n);

/** Base45 (RFC 9285): each two bytes as three characters, a last single byte as two, low digit first. */
export function encodeBase45(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
    out.push(at(n % 45), at(Math.floor(n / 45) % 45), at(Math.floor(n / 2025)));
  }
  if (i < bytes.length) {
    const n = bytes[i] ?? 0;
    out.push(at(n % 45), at(Math.floor(n / 45)));
  }
  return out.join('');
}
