import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Swaps a finished build folder in for `dist`, so a reader never sees half a build. When another
 * process swapped its own build of the same sources in first, that one is kept and `built` removed.
 */
export function swapInBuild(built: string, dist: string): void {
  rmSync(dist, { recursive: true, force: true });
  try {
    renameSync(built, dist);
  } catch {
    rmSync(built, { recursive: true, force: true });
  }
}
