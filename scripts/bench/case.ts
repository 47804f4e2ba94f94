// What every case module of `pnpm bench` answers: the cases, each naming the raw node:crypto case
// its ratio is taken against.
import type { BenchCase } from './measure.js';

/** A benchmark case and the key of the raw `node:crypto` case it is compared with. */
export interface RatedCase extends BenchCase {
  /** Key of the baseline case; absent for the baselines themselves. */
  baseline?: string;
}

/** Throws when a case's sanity check fails, so a broken path is never timed as a fast one. */
export function expectOk(condition: boolean, what: string): void {
  if (!condition) throw new Error(`bench: ${what}`);
}

/**
 * Hands out `items` in turn, endlessly. Cases verify a pool of different credentials rather than one
 * over and over, so no cache keyed by the input can make a path look faster than it is.
 */
export function cycle<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('bench: an empty pool');
  let i = 0;
  return () => items[i++ % items.length] as T;
}
