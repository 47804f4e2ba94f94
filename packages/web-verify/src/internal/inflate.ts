import { Inflate } from 'pako';

/** Thrown when the output would pass the bound: nothing past it is ever held. */
export class InflateTooLarge extends Error {}
/** Thrown for a stream that is not valid DEFLATE (or zlib) data, or that does not end. */
export class InflateFailed extends Error {}

/** What to inflate: raw DEFLATE (with an optional preset dictionary) or a zlib stream, and the bound. */
export interface InflateOptions {
  raw: boolean;
  dictionary?: Uint8Array;
  /** The most output bytes accepted. */
  max: number;
  /**
   * Bound as the Node verifiers' `inflateBounded` (formats/src/internal/bounded-inflate.ts) does, for
   * the same outcome on every stream: zlib counts its output in 16 KiB chunks, so a stream is too
   * large when it ends past `max` or its output reaches the first chunk end past `max`; one that
   * breaks before that point, even past `max`, is invalid. Default: too large as soon as past `max`.
   */
  zlibChunks?: boolean;
}

/** zlib's default output chunk, in which node counts output against its bound. */
const ZLIB_CHUNK = 16 * 1024;

/** The inflated bytes, and how many input bytes followed the end of the stream (zlib ignores them). */
export interface Inflated {
  bytes: Uint8Array;
  unread: number;
}

/** pako's stream state, which its type declarations leave out: did it end, and how much input is left. */
function engineOf(inflator: Inflate): { ended: boolean; unread: number } {
  const { ended, strm } = inflator as unknown as { ended?: unknown; strm?: { avail_in?: unknown } };
  const unread = strm?.avail_in;
  if (typeof ended !== 'boolean' || typeof unread !== 'number') throw new InflateFailed('no inflater state');
  return { ended, unread };
}

/**
 * Inflates with pako, never holding more than `max` bytes of output: the browser's counterpart of the
 * Node verifiers' bounded zlib calls (the QR container, EU DCC, SMART Health Card payloads). A stream
 * that is malformed, fails its checksum or stops before its end throws {@link InflateFailed}; bytes
 * after its end are left to the caller, as zlib leaves them.
 */
export function inflateBounded(compressed: Uint8Array, options: InflateOptions): Inflated {
  const { raw, dictionary, max, zlibChunks = false } = options;
  // Chunks of zlib's size when bounding as node does, so pako hands over output where node counts it.
  const chunkSize = zlibChunks ? ZLIB_CHUNK : 4096;
  const trip = zlibChunks ? Math.ceil((max + 1) / ZLIB_CHUNK) * ZLIB_CHUNK : max + 1;
  const inflator = new Inflate({ raw, chunkSize, ...(dictionary ? { dictionary } : {}) });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflator.onData = (chunk) => {
    const bytes = chunk as Uint8Array;
    total += bytes.length;
    if (total >= trip) throw new InflateTooLarge('the stream inflates past the bound');
    chunks.push(bytes.slice());
  };
  try {
    inflator.push(compressed, true);
  } catch (error) {
    if (error instanceof InflateTooLarge) throw error;
    throw new InflateFailed('the stream is not valid DEFLATE data');
  }
  const state = engineOf(inflator);
  if (inflator.err !== 0 || !state.ended) throw new InflateFailed('the stream is not valid DEFLATE data');
  if (total > max) throw new InflateTooLarge('the stream inflates past the bound');
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, unread: state.unread };
}
