// The Node codec of card JWSs: native base64url and UTF-8, zlib's bounded inflate. Splitting and the
// checks are the shared ones of ./compact.ts.
import { isUtf8 } from 'node:buffer';
import { CredentialError } from '@passage/credentials/pure';
import { inflateBounded } from '../internal/bounded-inflate.js';
import { MAX_SHC_PAYLOAD_BYTES, type ShcCodec, type ShcJwsOf, shcJwsDecoder } from './compact.js';

export { MAX_SHC_PAYLOAD_BYTES };

/** A SMART Health Card's compact JWS, split and decoded once (not yet verified). */
export type ShcJws = ShcJwsOf<Buffer>;

/** Raw DEFLATE (RFC 1951), stopping at {@link MAX_SHC_PAYLOAD_BYTES} instead of inflating a bomb. */
export function inflateShcPayload(compressed: Buffer): Buffer {
  try {
    return inflateBounded('raw', compressed, MAX_SHC_PAYLOAD_BYTES);
  } catch (cause) {
    if (cause instanceof RangeError || (cause as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CredentialError('INPUT_TOO_LARGE', 'the card payload inflates beyond the limit', { cause });
    }
    throw new CredentialError('INVALID_COMPRESSION', 'the card payload is not raw DEFLATE', { cause });
  }
}

const nodeCodec: ShcCodec<Buffer> = {
  fromBase64url: (text) => Buffer.from(text, 'base64url'),
  utf8Text: (bytes) => (isUtf8(bytes) ? bytes.toString('utf8') : undefined),
  inflate: inflateShcPayload,
};

const decode = shcJwsDecoder(nodeCodec);

/**
 * Splits a card's compact JWS, checks that its header announces `zip: "DEF"` and inflates the payload
 * (bounded). Throws INPUT_TOO_LARGE, DECODING_FAILED or INVALID_COMPRESSION; verifies nothing.
 */
export function decodeShcJws(jws: string): ShcJws {
  return decode(jws);
}
