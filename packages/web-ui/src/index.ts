/**
 * What Passage's browser pages (the officer's check, the traveller's wallet) share. Browser-only:
 * typechecked by each page's tsconfig (DOM lib), not by the root one. Build scripts copy the files
 * `@passage/web-ui/assets` lists beside their page.
 *
 * @packageDocumentation
 */
export { formatDate } from './dates.js';
export { byId, type Child, facts, h } from './dom.js';
export { type CameraScan, decodeQr, startCameraScan } from './scan.js';
