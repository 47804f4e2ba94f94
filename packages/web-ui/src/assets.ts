// For a page's build script (Node): the files this package's browser code loads at run time.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file a page must serve beside its script, under `name`. */
export interface PageAsset {
  name: string;
  path: string;
}

/**
 * What a page serves beside its script: the QR decoder's wasm, which `decodeQr` loads from
 * `./zxing_reader.wasm` (never from a CDN), and `base.css`, the styles both pages share.
 */
export function pageAssets(): PageAsset[] {
  const require = createRequire(import.meta.url);
  const reader = require.resolve('zxing-wasm/reader');
  return [
    { name: 'zxing_reader.wasm', path: join(dirname(reader), '../../reader/zxing_reader.wasm') },
    { name: 'base.css', path: fileURLToPath(new URL('./base.css', import.meta.url)) },
  ];
}
