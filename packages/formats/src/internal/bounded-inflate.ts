// node:zlib's sync inflate, bounded, with a small output chunk. By default zlib writes into 16 KiB
// chunks (a fresh allocation each call, far more than a card's payload) and checks the bound after
// each chunk, so a bound trips at the first chunk end past it (80 KiB for 64 KiB). A 2 KiB chunk
// comes from Buffer's pool and divides every 16 KiB multiple: with the bound set to trip at that same
// point and the real bound checked on the result, every input gets the outcome it had with zlib's
// defaults (bounded-inflate.test.ts compares them on streams around the bound).
import { inflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';

const DEFAULT_CHUNK = 16 * 1024;
const SMALL_CHUNK = 2 * 1024;
const optionsByBound = new Map<number, ZlibOptions>();

function optionsFor(max: number): ZlibOptions {
  let options = optionsByBound.get(max);
  if (options === undefined) {
    const trip = Math.ceil((max + 1) / DEFAULT_CHUNK) * DEFAULT_CHUNK;
    options = { chunkSize: SMALL_CHUNK, maxOutputLength: trip - 1 };
    optionsByBound.set(max, options);
  }
  return options;
}

/**
 * Inflates a zlib (`zlib`) or raw DEFLATE (`raw`) stream to at most `max` bytes (a constant of the
 * caller's, so the options table stays tiny). Throws a RangeError beyond it and zlib's own error for a
 * bad stream, exactly where `inflateSync(bytes, { maxOutputLength: max })` would.
 */
export function inflateBounded(kind: 'zlib' | 'raw', bytes: Uint8Array, max: number): Buffer {
  const options = optionsFor(max);
  const out = kind === 'zlib' ? inflateSync(bytes, options) : inflateRawSync(bytes, options);
  if (out.length > max) throw new RangeError('the stream inflates beyond the bound');
  return out;
}
