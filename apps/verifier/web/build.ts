// Builds the border officer's page into web/dist (not committed): the page and its service worker
// (esbuild), the static files, zxing-wasm's reader and the @passage/web-verify browser bundle. The
// verifier runs it with `--if-stale` before serving /officer/; `pnpm build:web` runs it always.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APEC_ECONOMIES } from '@passage/schema';
import { isStale, type PageBuild, runPageBuildScript } from '@passage/service-kit';
import { pageAssets } from '@passage/web-ui/assets';
import { build } from 'esbuild';

const web = dirname(fileURLToPath(import.meta.url));
const repo = resolve(web, '../../..');
const webVerify = join(repo, 'packages/web-verify');
const webVerifyBundle = join(webVerify, 'dist/web-verify.js');

/** The packages the page bundles, or loads as the web-verify bundle (its scripts decide the bundle too). */
const packageSources = [
  ...['web-verify', 'web-ui', 'credentials', 'rules', 'schema', 'formats', 'trust'].map((p) =>
    join(repo, 'packages', p, 'src'),
  ),
  join(webVerify, 'scripts'),
];

/** The web-verify bundle, made by that package's own build when missing or older than its sources. */
function webVerifyScript(): string {
  if (isStale(webVerifyBundle, packageSources)) {
    const run = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: webVerify, stdio: 'ignore' });
    if (run.status !== 0) throw new Error('the @passage/web-verify browser bundle could not be built');
  }
  return webVerifyBundle;
}

/** The officer's page: its sources and the packages it bundles. */
export const officerPage: PageBuild = {
  webDir: web,
  sources: [join(web, 'src'), join(web, 'build.ts'), ...packageSources],
  async write(out, buildId) {
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
    for (const asset of pageAssets()) copyFileSync(asset.path, join(out, asset.name));
    copyFileSync(webVerifyScript(), join(out, 'web-verify.js'));
  },
};

await runPageBuildScript(officerPage, import.meta.url);
