// The steps of decoding a DCC that are the same on every platform; base45 and zlib are the caller's
// (node:zlib in decode.ts, pako in the browser), so both refuse the same input with the same codes.
import { CredentialError } from '@passage/credentials/pure';
import { type CoseSign1, parseCoseSign1 } from './cose.js';
import { type DccClaims, parseDccClaims } from './cwt.js';
import { readDccClaimsFast } from './cwt-fast.js';
import { DCC_LIMITS } from './limits.js';
import { DCC_PREFIX, isDccText } from './prefix.js';

/** A DCC decoded but not verified: the COSE parts and the CWT claims. */
export interface DecodedDcc {
  cose: CoseSign1;
  claims: DccClaims;
}

/** The base45 text of `HC1:` text. Throws `INVALID_PREFIX` or `INPUT_TOO_LARGE`. */
export function dccBase45Of(text: string): string {
  if (typeof text !== 'string' || !isDccText(text)) {
    throw new CredentialError('INVALID_PREFIX', 'text does not start with HC1:');
  }
  // Scanners may add a line end; base45 never ends in a space, so trimming the end is safe.
  const body = text.slice(DCC_PREFIX.length).trimEnd();
  if (body.length > DCC_LIMITS.maxTextLength) {
    throw new CredentialError('INPUT_TOO_LARGE', 'DCC text is longer than the size limit');
  }
  return body;
}

/** True when the two bytes form a zlib header (RFC 1950: deflate, window ≤ 32 KiB, check bits). */
function isZlibHeader(bytes: Uint8Array): boolean {
  const cmf = bytes[0] ?? 0;
  const flg = bytes[1] ?? 0;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0;
}

/**
 * Throws `INVALID_COMPRESSION` unless the bytes start as a zlib stream. The EU test cases require
 * compression (Z2, "not compressed", must fail), so uncompressed COSE is refused too.
 */
export function assertZlibStream(bytes: Uint8Array): void {
  if (bytes.length < 2 || !isZlibHeader(bytes)) {
    throw new CredentialError('INVALID_COMPRESSION', 'DCC payload is not a zlib stream');
  }
}

/** The error for a zlib stream that inflates past {@link DCC_LIMITS.maxInflatedBytes}. */
export const dccTooLarge = (cause: unknown): CredentialError =>
  new CredentialError('INPUT_TOO_LARGE', 'DCC payload inflates beyond the size limit', { cause });

/** The error for a zlib stream that does not inflate. */
export const dccNotInflating = (cause: unknown): CredentialError =>
  new CredentialError('INVALID_COMPRESSION', 'DCC payload does not inflate', { cause });

/** The COSE_Sign1 message and CWT claims of inflated DCC bytes. Throws `INVALID_COSE` or `INVALID_CBOR`. */
export function decodedDccOf(cose: Uint8Array): DecodedDcc {
  const message = parseCoseSign1(cose);
  // The one-pass reader answers plain payloads; cbor-x and parseDccClaims decide anything else.
  return { cose: message, claims: readDccClaimsFast(message.payload) ?? parseDccClaims(message.payload) };
}
