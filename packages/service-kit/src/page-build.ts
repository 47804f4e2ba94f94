import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest modification time under `path` (a file or a folder, recursively); 0 when absent. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when `output` is missing or older than anything it is made from. */
export function isStale(output: string, sources: readonly string[]): boolean {
  return !existsSync(output) || newestMtime(output) < Math.max(...sources.map(newestMtime));
}

/** A browser page's build: `webDir/static` copied, then `write` adds the bundles, into `webDir/dist`. */
export interface PageBuild {
  /** The page's folder, holding `static/` and receiving `dist/`. */
  webDir: string;
  /** Everything the output is made from besides `static/`: a change to any of it makes dist/ stale. */
  sources: readonly string[];
  /** Writes the page's bundles and assets into `out`; `buildId` changes with every build. */
  write(out: string, buildId: string): Promise<void>;
}

const stampOf = (page: PageBuild) => join(page.webDir, 'dist', '.built');
const sourcesOf = (page: PageBuild) => [join(page.webDir, 'static'), ...page.sources];

/**
 * Builds a page into a fresh folder, then swaps it in for `dist/`, so a reader never sees half a
 * build. With `ifStale`, a build another process finished meanwhile (a parallel test file) is kept.
 */
export async function buildPage(page: PageBuild, options: { ifStale?: boolean } = {}): Promise<void> {
  const dist = join(page.webDir, 'dist');
  const out = `${dist}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  cpSync(join(page.webDir, 'static'), out, { recursive: true });
  const buildId = Date.now().toString(36);
  try {
    await page.write(out, buildId);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(join(out, '.built'), `${buildId}\n`);
  if (options.ifStale && !isStale(stampOf(page), sourcesOf(page))) {
    rmSync(out, { recursive: true, force: true });
    return;
  }
  // Two renames, then the old copy is removed: a server reading dist/ meanwhile misses it for a moment
  // only, not for as long as removing a whole folder takes.
  const previous = `${dist}.${process.pid}.old`;
  try {
    renameSync(dist, previous);
  } catch {
    // No dist/ yet, or another process is swapping it right now: nothing to set aside.
  }
  try {
    renameSync(out, dist);
  } catch {
    // Another process swapped its build of the same sources in first: keep that one.
    rmSync(out, { recursive: true, force: true });
  }
  rmSync(previous, { recursive: true, force: true });
}

/**
 * The command line of a page's `build.ts`, when that file is the script run: builds always, or with
 * `--if-stale` only when `dist/` is older than its sources (what `builtPage` runs before serving).
 */
export async function runPageBuildScript(page: PageBuild, moduleUrl: string): Promise<void> {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale(stampOf(page), sourcesOf(page))) await buildPage(page, { ifStale });
}
