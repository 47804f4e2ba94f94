// Timing harness of `pnpm bench`: warm-up, then timed batches until a time budget is spent; the
// figure is the median batch, and the spread (slowest and fastest batch) is kept beside it, because
// a shared 2-core machine makes single batches lie.
import { performance } from 'node:perf_hooks';

/** One benchmark case: a synchronous or asynchronous operation, run back to back. */
export interface BenchCase {
  /** Stable key, used in the JSON line and to find baselines. */
  key: string;
  /** What the table shows. */
  label: string;
  op: () => unknown;
  /** True when `op` answers a promise that must be awaited. */
  async?: boolean;
}

/** How long to measure each case. */
export interface Budget {
  warmupMs: number;
  /** Time spent in timed batches per case. */
  measureMs: number;
  /** Number of batches (rounds) the measuring time is split into (at least 3). */
  batches: number;
}

/** Operations per second of one case: median batch, slowest and fastest batch. */
export interface Measured {
  key: string;
  label: string;
  opsPerSec: number;
  minOpsPerSec: number;
  maxOpsPerSec: number;
  /** (fastest − slowest) / median, as a fraction. */
  spread: number;
  batches: number;
  iterations: number;
  /** Operations per second of each round, in round order. */
  rates: number[];
}

async function runFor(c: BenchCase, iterations: number): Promise<number> {
  const start = performance.now();
  if (c.async) for (let i = 0; i < iterations; i++) await c.op();
  else for (let i = 0; i < iterations; i++) c.op();
  return performance.now() - start;
}

/** Iterations that take about `targetMs`, found by doubling (this also warms the case up). */
async function calibrate(c: BenchCase, targetMs: number): Promise<number> {
  let iterations = 1;
  for (;;) {
    const elapsed = await runFor(c, iterations);
    if (elapsed >= targetMs / 4 || iterations >= 1 << 24) {
      return Math.max(1, Math.round((iterations * targetMs) / Math.max(elapsed, 0.001)));
    }
    iterations *= 2;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Iterations per batch for one case, after its warm-up. */
async function prepare(c: BenchCase, budget: Budget): Promise<number> {
  const batchMs = budget.measureMs / budget.batches;
  const warmEnd = performance.now() + budget.warmupMs;
  const iterations = await calibrate(c, batchMs);
  while (performance.now() < warmEnd) await runFor(c, iterations);
  return calibrate(c, batchMs);
}

/**
 * Measures every case: each is warmed up and calibrated, then the timed batches go round-robin (one
 * batch of each case per round), so a burst of load from another process hits every case alike
 * and the ratios between cases stay fair even when the absolute figures move.
 */
export async function measureAll(
  cases: readonly BenchCase[],
  budget: Budget,
  progress: (line: string) => void = () => {},
): Promise<Measured[]> {
  const iterations: number[] = [];
  for (const c of cases) {
    iterations.push(await prepare(c, budget));
    progress(`warmed up ${c.label}`);
  }
  const rates: number[][] = cases.map(() => []);
  for (let round = 0; round < Math.max(3, budget.batches); round++) {
    for (const [i, c] of cases.entries()) {
      const n = iterations[i] ?? 1;
      rates[i]?.push((n * 1000) / (await runFor(c, n)));
    }
    progress(`round ${round + 1} of ${Math.max(3, budget.batches)}`);
  }
  return cases.map((c, i) => summarize(c, rates[i] ?? [], iterations[i] ?? 1));
}

function summarize(c: BenchCase, rates: readonly number[], iterations: number): Measured {
  const opsPerSec = median(rates);
  const minOpsPerSec = Math.min(...rates);
  const maxOpsPerSec = Math.max(...rates);
  return {
    key: c.key,
    label: c.label,
    opsPerSec,
    minOpsPerSec,
    maxOpsPerSec,
    spread: (maxOpsPerSec - minOpsPerSec) / opsPerSec,
    batches: rates.length,
    iterations: iterations * rates.length,
    rates: [...rates],
  };
}

/**
 * How many times faster `a` is than `b`: the median over rounds of the ratio within a round. Cases of
 * one round run close together in time, so load that comes and goes cancels out better than in a
 * ratio of two medians.
 */
export function pairedRatio(a: Measured, b: Measured): number {
  const ratios = a.rates.flatMap((rate, i) => {
    const base = b.rates[i];
    return base === undefined || base === 0 ? [] : [rate / base];
  });
  return ratios.length > 0 ? median(ratios) : a.opsPerSec / b.opsPerSec;
}
