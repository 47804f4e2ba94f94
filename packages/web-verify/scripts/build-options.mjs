// esbuild options of the browser bundle, shared by build-web.mjs and the bundle test.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot = resolve(here, '..');

/**
 * The entry points of `@passage/trust`, `@passage/credentials` and `@passage/formats` load Node's
 * crypto, zlib or Veramo: the bundle may reach only their browser-safe `/pure` subpaths, and fails to
 * build if anything imports an entry point.
 */
const purePackagesOnly = {
  name: 'pure-packages-only',
  setup(b) {
    b.onResolve({ filter: /^@passage\/(trust|credentials|formats)$/ }, (args) => ({
      errors: [
        {
          text: `${args.path} is not browser-safe: import ${args.path}/pure (in ${args.importer})`,
        },
      ],
    }));
  },
};

/**
 * zod's classic API re-exports every locale as `z.locales`, which keeps them all (~300 KiB) in the
 * bundle; nothing here reads it, and error messages stay in English (zod's default), so only `en`
 * is kept.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/node_modules\/zod\//.test(args.importer)) return undefined;
      return { path: resolve(dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(resolve(dirname(args.path), 'en.js'))};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * cbor-x's default build probes `new Function('')` when it loads, which a Content-Security-Policy
 * without 'unsafe-eval' reports as a violation; its no-eval build decodes the same without it. Resolved
 * from the importer's folder (where pnpm put cbor-x), whatever the build's working directory.
 */
const cborWithoutEval = {
  name: 'cbor-x-without-eval',
  setup(b) {
    b.onResolve({ filter: /^cbor-x$/ }, async (args) => {
      const found = await b.resolve('cbor-x/decode-no-eval', {
        resolveDir: args.resolveDir,
        kind: args.kind,
      });
      return found.errors.length > 0 ? { errors: found.errors } : { path: found.path };
    });
  },
};

/** Bundle options for the browser platform; a Node built-in anywhere in the graph fails the build. */
export function browserBundleOptions(overrides = {}) {
  return {
    entryPoints: [resolve(packageRoot, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    conditions: ['@passage/source'],
    minify: true,
    metafile: true,
    // The QR dictionaries are built with `Buffer.from(text, 'utf8')` at load: see buffer-shim.mjs.
    inject: [resolve(here, 'buffer-shim.mjs')],
    plugins: [purePackagesOnly, zodEnglishOnly, cborWithoutEval],
    logLevel: 'warning',
    ...overrides,
  };
}
