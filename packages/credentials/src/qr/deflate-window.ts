// Platform-free: the bench's floor deflates with the very options the container does.

/**
 * The smallest DEFLATE window (2^bits bytes, 9–15 bits) whose reach, less zlib's 262-byte lookahead,
 * spans `bytes`: the dictionary and the whole credential. Every match zlib's largest window would find
 * is then found, so the output is the same, from a stream that allocates and clears far less memory
 * (with memLevel 8: ~160 kB for a usual credential instead of ~384 kB at 15 bits and memLevel 9).
 */
function deflateWindowBits(bytes: number): number {
  let bits = 9;
  while (bits < 15 && (1 << bits) - 262 < bytes) bits++;
  return bits;
}

/**
 * The zlib options the container deflates `innerBytes` of header and payload with, against the preset
 * `dictionary`: level 9, memLevel 8, the window {@link deflateWindowBits} sizes.
 */
export function qrDeflateOptions(dictionary: Uint8Array, innerBytes: number) {
  return {
    level: 9,
    memLevel: 8,
    windowBits: deflateWindowBits(dictionary.length + innerBytes),
    dictionary,
  };
}
