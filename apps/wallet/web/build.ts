// Builds the traveller's wallet into web/dist (not committed): the page and its service worker
// (esbuild, one bundle each, everything served from the wallet's own origin), the static files and
// the QR decoder's wasm. The wallet server runs it with `--if-stale`; `pnpm build:web` runs it always.
import { copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PageBuild, runPageBuildScript } from '@passage/service-kit';
import { pageAssets } from '@passage/web-ui/assets';
import { build } from 'esbuild';
// The browser bundle options of @passage/web-verify (its Buffer shim and its zod and trust plugins),
// whose QR encoder the wallet bundles.
import { browserBundleOptions } from '../../../packages/web-verify/scripts/build-options.mjs';

const web = dirname(fileURLToPath(import.meta.url));
const repo = resolve(web, '../../..');

/** The wallet page: its sources and the packages it bundles. */
export const walletPage: PageBuild = {
  webDir: web,
  sources: [
    join(web, 'src'),
    join(web, 'build.ts'),
    ...['web-verify', 'web-ui', 'credentials', 'schema', 'formats', 'trust'].map((p) =>
      join(repo, 'packages', p, 'src'),
    ),
    join(repo, 'packages/web-verify/scripts'),
  ],
  async write(out, buildId) {
    const define = { PASSAGE_BUILD: JSON.stringify(buildId) };
    for (const [entry, file] of [
      ['main.ts', 'app.js'],
      ['sw.ts', 'sw.js'],
    ] as const) {
      await build(
        browserBundleOptions({
          entryPoints: [join(web, 'src', entry)],
          outfile: join(out, file),
          sourcemap: true,
          metafile: false,
          define,
        }),
      );
    }
    for (const asset of pageAssets()) copyFileSync(asset.path, join(out, asset.name));
  },
};

await runPageBuildScript(walletPage, import.meta.url);
