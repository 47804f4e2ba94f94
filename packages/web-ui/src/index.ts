/**
 * What Passage's browser pages share. Browser-only: typechecked by each page's tsconfig (DOM lib), not
 * by the root one. Build scripts copy `@passage/web-ui/assets`' files beside their page.
 *
 * @packageDocumentation
 */
export { type CameraScan, decodeQr, startCameraScan } from './scan.js';
