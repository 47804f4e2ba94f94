// Builds the border officer's page into web/dist (not committed): the page and its service worker
// (esbuild), the static files, zxing-wasm's reader and the @passage/web-verify browser bundle. The
// verifier runs it with `--if-stale` before serving /officer/; `pnpm build:web` runs it always.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APEC_ECONOMIES } from '@passage/schema';
import { isStale as stale, swapInBuild } from '@passage/service-kit';
import { scanAssets } from '@passage/web-ui/assets';
import { build } from 'esbuild';

const web = dirname(fileURLToPath(import.meta.url));
const repo = resolve(web, '../../..');
const webVerify = join(repo, 'packages/web-verify');
const webVerifyBundle = join(webVerify, 'dist/web-verify.js');
const dist = join(web, 'dist');
const stamp = join(dist, '.built');

/** Everything the output is made from: a change to any of it makes the build stale. */
const packageSources = ['web-verify', 'web-ui', 'credentials', 'rules', 'schema'].map((p) =>
  join(repo, 'packages', p, 'src'),
);
const pageSources = [join(web, 'src'), join(web, 'static'), join(web, 'build.ts'), ...packageSources];

/** The web-verify bundle, made by that package's own build when missing or older than its sources. */
function webVerifyScript(): string {
  if (stale(webVerifyBundle, packageSources)) {
    const run = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: webVerify, stdio: 'ignore' });
    if (run.status !== 0) throw new Error('the @passage/web-verify browser bundle could not be built');
  }
  return webVerifyBundle;
}

/** Builds the page into a fresh folder, then swaps it in, so a reader never sees half a build. */
export async function buildOfficerPage(options: { ifStale?: boolean } = {}): Promise<void> {
  const out = `${dist}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  cpSync(join(web, 'static'), out, { recursive: true });
  const buildId = Date.now().toString(36);
  const common = {
    bundle: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    logLevel: 'warning' as const,
    define: {
      PASSAGE_ECONOMIES: JSON.stringify(APEC_ECONOMIES.map(({ alpha3, name }) => ({ alpha3, name }))),
      PASSAGE_BUILD: JSON.stringify(buildId),
    },
  };
  await build({ ...common, entryPoints: [join(web, 'src/main.ts')], outfile: join(out, 'app.js') });
  await build({ ...common, entryPoints: [join(web, 'src/sw.ts')], outfile: join(out, 'sw.js') });
  for (const asset of scanAssets()) copyFileSync(asset.path, join(out, asset.name));
  copyFileSync(webVerifyScript(), join(out, 'web-verify.js'));
  writeFileSync(join(out, '.built'), `${buildId}\n`);
  if (options.ifStale && !stale(stamp, pageSources)) {
    // Another process (a parallel test file) built the same sources meanwhile: keep what it serves.
    rmSync(out, { recursive: true, force: true });
    return;
  }
  swapInBuild(out, dist);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || stale(stamp, pageSources)) await buildOfficerPage({ ifStale });
}
