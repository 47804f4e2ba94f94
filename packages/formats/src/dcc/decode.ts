import { decodeBase45 } from '@passage/credentials/pure';
import { type DecodedDcc, dccBase45Of, decodedDccOf } from './decode-core.js';
import { inflateDcc } from './inflate.js';

export type { DecodedDcc } from './decode-core.js';
export { DCC_PREFIX, isDccText } from './prefix.js';

/**
 * Decodes `HC1:` text without verifying anything: prefix, base45, zlib, COSE_Sign1, CWT claims.
 * For tooling; verification goes through {@link verifyDcc}. Throws `CredentialError` with
 * `INVALID_PREFIX`, `INPUT_TOO_LARGE`, `INVALID_BASE45`, `INVALID_COMPRESSION`, `INVALID_COSE` or
 * `INVALID_CBOR`.
 *
 * @example
 * const { claims } = decodeDcc(scannedText);
 * claims.hcert.v; // the vaccination group, if any
 */
export function decodeDcc(text: string): DecodedDcc {
  return decodedDccOf(inflateDcc(decodeBase45(dccBase45Of(text))));
}
