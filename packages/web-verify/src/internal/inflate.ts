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
}

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
  const { raw, dictionary, max } = options;
  const inflator = new Inflate({ raw, chunkSize: 4096, ...(dictionary ? { dictionary } : {}) });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflator.onData = (chunk) => {
    const bytes = chunk as Uint8Array;
    total += bytes.length;
    if (total > max) throw new InflateTooLarge('the stream inflates past the bound');
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
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, unread: state.unread };
}
