import { inflateBounded } from '../internal/bounded-inflate.js';
import { assertZlibStream, dccNotInflating, dccTooLarge } from './decode-core.js';
import { DCC_LIMITS } from './limits.js';

/**
 * Inflates the zlib stream of a DCC, refusing more than {@link DCC_LIMITS.maxInflatedBytes} of output.
 * Uncompressed COSE is `INVALID_COMPRESSION` (`assertZlibStream`).
 */
export function inflateDcc(bytes: Uint8Array): Uint8Array {
  assertZlibStream(bytes);
  try {
    return inflateBounded('zlib', bytes, DCC_LIMITS.maxInflatedBytes);
  } catch (cause) {
    throw cause instanceof RangeError ? dccTooLarge(cause) : dccNotInflating(cause);
  }
}
