// Bundles @passage/web-verify for the border officer's page: dist/web-verify.js (ESM, browser
// platform, minified, with a source map) and a size report by package. src/bundle.test.ts runs the
// same bundle with no Node globals.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { browserBundleOptions, packageRoot } from './build-options.mjs';

const outfile = resolve(packageRoot, 'dist/web-verify.js');
const result = await build(browserBundleOptions({ outfile, sourcemap: true, legalComments: 'linked' }));

const bytes = readFileSync(outfile);
const output = result.metafile.outputs[relative(process.cwd(), outfile)];
const byPackage = new Map();
for (const [file, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
  const match = file.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  const name = match?.[1] ?? file.match(/^(?:\.\.\/)*((?:packages\/)?[a-z-]+)\/src\//)?.[1] ?? file;
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
process.stdout.write(
  `dist/web-verify.js: ${kb(bytes.length)} minified, ${kb(gzipSync(bytes).length)} gzip\n`,
);
for (const [name, size] of [...byPackage].sort((a, b) => b[1] - a[1])) {
  process.stdout.write(`  ${name.padEnd(24)} ${kb(size)}\n`);
}
