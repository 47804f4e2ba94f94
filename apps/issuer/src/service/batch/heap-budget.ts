import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Main-thread heap above which a batch asks for a full collection between chunks. Each costs 100-200 ms
 * on a ~52 MB live heap. With chunks of 100, 112 keeps 100,000 credentials under 250 MB resident; 128
 * peaked at 302-304 MB on such runs, as V8 then let the heap grow before collecting on its own.
 */
export const DEFAULT_HEAP_BUDGET_MB = 112;

let collect: (() => void) | undefined;

/** V8's `gc()`, exposed at run time the way Jest's leak detector does it (no `--expose-gc` needed). */
function fullGc(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/**
 * Keeps a long batch's resident memory flat. Chunks in flight live across several awaits, so their
 * strings (JWS, QR text, sealed rows) are promoted to the old generation, which V8 lets grow to two or
 * three times the live heap before collecting it: resident memory then swings by 150 MB on a 70 MB live
 * set. Called between chunks, this collects as soon as the heap passes the budget, which costs a few
 * milliseconds every few chunks.
 */
export function heapBudget(budgetMb = DEFAULT_HEAP_BUDGET_MB): () => void {
  const limit = budgetMb * 2 ** 20;
  return () => {
    if (process.memoryUsage().heapUsed > limit) fullGc()();
  };
}
