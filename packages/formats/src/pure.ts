/**
 * `@passage/formats/pure`: the modules of this package that import nothing from `node:` and use no
 * Node buffers at run time (format detection, parsing, the checks that decide codes, the records), for
 * verifiers that run in a browser. The Node verifiers call the same functions, so both give the same
 * verdicts; only signatures, certificates and decompression differ per platform.
 * `@passage/web-verify`'s browser-safe test walks these imports.
 */

// One file of browser-safe modules per format, so that sorting keeps them apart.
export * from './dcc/pure.js';
// Every export of detect.ts: format detection and the foreign dispatch both platforms share.
export * from './detect.js';
export * from './icao/pure.js';
export * from './shc/pure.js';
