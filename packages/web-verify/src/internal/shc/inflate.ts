// Raw DEFLATE for a card payload with pako, with the outcomes of the Node verifier's bounded zlib
// inflate: bounded as node counts (`zlibChunks`), and bytes after the end of the stream ignored, as
// zlib ignores them there.
import { MAX_SHC_PAYLOAD_BYTES } from '@passage/formats/pure';
import { CredentialError } from '../credentials.js';
import { InflateTooLarge, inflateBounded } from '../inflate.js';

/**
 * Inflates a card's raw DEFLATE payload, never holding more than 80 KiB of output. Throws
 * INPUT_TOO_LARGE or INVALID_COMPRESSION exactly where the Node verifier does.
 */
export function inflateShcPayload(compressed: Uint8Array): Uint8Array {
  try {
    return inflateBounded(compressed, { raw: true, max: MAX_SHC_PAYLOAD_BYTES, zlibChunks: true }).bytes;
  } catch (error) {
    if (error instanceof InflateTooLarge)
      throw new CredentialError('INPUT_TOO_LARGE', 'the card payload inflates beyond the limit');
    throw new CredentialError('INVALID_COMPRESSION', 'the card payload is not raw DEFLATE');
  }
}
