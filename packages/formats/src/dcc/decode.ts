import { CredentialError, decodeBase45 } from '@passage/credentials/pure';
import { type CoseSign1, parseCoseSign1 } from './cose.js';
import { type DccClaims, parseDccClaims } from './cwt.js';
import { readDccClaimsFast } from './cwt-fast.js';
import { inflateDcc } from './inflate.js';
import { DCC_LIMITS } from './limits.js';
import { DCC_PREFIX, isDccText } from './prefix.js';

export { DCC_PREFIX, isDccText };

/** A DCC decoded but not verified: the COSE parts and the CWT claims. */
export interface DecodedDcc {
  cose: CoseSign1;
  claims: DccClaims;
}

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
  if (typeof text !== 'string' || !isDccText(text)) {
    throw new CredentialError('INVALID_PREFIX', 'text does not start with HC1:');
  }
  // Scanners may add a line end; base45 never ends in a space, so trimming the end is safe.
  const body = text.slice(DCC_PREFIX.length).trimEnd();
  if (body.length > DCC_LIMITS.maxTextLength) {
    throw new CredentialError('INPUT_TOO_LARGE', 'DCC text is longer than the size limit');
  }
  const cose = parseCoseSign1(inflateDcc(decodeBase45(body)));
  // The one-pass reader answers plain payloads; cbor-x and parseDccClaims decide anything else.
  return { cose, claims: readDccClaimsFast(cose.payload) ?? parseDccClaims(cose.payload) };
}
