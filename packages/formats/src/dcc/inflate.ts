import { CredentialError } from '@passage/credentials/pure';
import { inflateBounded } from '../internal/bounded-inflate.js';
import { DCC_LIMITS } from './limits.js';

/** True when the two bytes form a zlib header (RFC 1950: deflate, window ≤ 32 KiB, check bits). */
function isZlibHeader(bytes: Uint8Array): boolean {
  const cmf = bytes[0] ?? 0;
  const flg = bytes[1] ?? 0;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0;
}

/**
 * Inflates the zlib stream of a DCC, refusing more than {@link DCC_LIMITS.maxInflatedBytes} of output.
 * The EU test cases require compression (Z2, "not compressed", must fail), so uncompressed COSE is
 * `INVALID_COMPRESSION` too.
 */
export function inflateDcc(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2 || !isZlibHeader(bytes)) {
    throw new CredentialError('INVALID_COMPRESSION', 'DCC payload is not a zlib stream');
  }
  try {
    return inflateBounded('zlib', bytes, DCC_LIMITS.maxInflatedBytes);
  } catch (cause) {
    if (cause instanceof RangeError) {
      throw new CredentialError('INPUT_TOO_LARGE', 'DCC payload inflates beyond the size limit', { cause });
    }
    throw new CredentialError('INVALID_COMPRESSION', 'DCC payload does not inflate', { cause });
  }
}
