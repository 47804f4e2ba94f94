// Builds the traveller's wallet into web/dist (not committed): the page and its service worker
// (esbuild, one bundle each, everything served from the wallet's own origin), the static files and
// the QR decoder's wasm. The wallet server runs it with `--if-stale`; `pnpm build:web` runs it always.
import { copyFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale, swapInBuild } from '@passage/service-kit';
import { scanAssets } from '@passage/web-ui/assets';
import { build } from 'esbuild';
// The browser bundle options of @passage/web-verify (its Buffer shim and its zod and trust plugins),
// whose QR encoder the wallet bundles.
import { browserBundleOptions } from '../../../packages/web-verify/scripts/build-options.mjs';

const web = dirname(fileURLToPath(import.meta.url));
const repo = resolve(web, '../../..');
const dist = join(web, 'dist');
const stamp = join(dist, '.built');

/** Everything the output is made from: a change to any of it makes the build stale. */
const sources = [
  join(web, 'src'),
  join(web, 'static'),
  join(web, 'build.ts'),
  ...['web-verify', 'web-ui', 'credentials', 'schema'].map((p) => join(repo, 'packages', p, 'src')),
];

/** Builds the wallet into a fresh folder, then swaps it in, so a reader never sees half a build. */
export async function buildWallet(options: { ifStale?: boolean } = {}): Promise<void> {
  const out = `${dist}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  cpSync(join(web, 'static'), out, { recursive: true });
  const buildId = Date.now().toString(36);
  const define = { PASSAGE_BUILD: JSON.stringify(buildId) };
  await build({
    ...browserBundleOptions({ sourcemap: true, metafile: false }),
    entryPoints: [join(web, 'src/main.ts')],
    outfile: join(out, 'app.js'),
    define,
  });
  await build({
    entryPoints: [join(web, 'src/sw.ts')],
    outfile: join(out, 'sw.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    conditions: ['@passage/source'],
    minify: true,
    logLevel: 'warning',
    define,
  });
  for (const asset of scanAssets()) copyFileSync(asset.path, join(out, asset.name));
  writeFileSync(join(out, '.built'), `${buildId}\n`);
  if (options.ifStale && !isStale(stamp, sources)) {
    // Another process (a parallel test file) built the same sources meanwhile: keep what it serves.
    rmSync(out, { recursive: true, force: true });
    return;
  }
  swapInBuild(out, dist);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale(stamp, sources)) await buildWallet({ ifStale });
}
