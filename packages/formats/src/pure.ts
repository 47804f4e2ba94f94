/**
 * `@passage/formats/pure`: the modules of this package that import nothing from `node:` and use no
 * Node buffers at run time (format detection, parsing, the checks that decide codes, the records), for
 * verifiers that run in a browser. The Node verifiers call the same functions, so both give the same
 * verdicts; only signatures, certificates and decompression differ per platform.
 * `@passage/web-verify`'s browser-safe test walks these imports.
 */

export { type DetectedFormat, detectFormat } from './detect.js';

// EU DCC (one line, so that sorting keeps the sections apart)
export * from './dcc/pure.js';

// SMART Health Cards
export { isShcText, SHC_PREFIX } from './shc/prefix.js';

// ICAO VDS-NC
