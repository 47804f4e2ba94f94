import { createHash } from 'node:crypto';

/**
 * base64url(SHA-256) of ASCII text: a disclosure's digest (RFC 9901 §4.2.3), and a key binding JWT's
 * `sd_hash` of the SD-JWT it was made for (§4.3.1). Passage reads only `_sd_alg: sha-256`.
 */
export const sdDigest = (text: string): string =>
  createHash('sha256').update(text, 'ascii').digest('base64url');
