import { fileURLToPath } from 'node:url';
import { startWorkerPool } from '@passage/service-kit';
import { relayRefreshes } from './cluster-refresh.js';
import type { VerifierConfig } from './config.js';
import type { DataLogger } from './start.js';

/** The environment variable a worker reads its configuration from (set by the primary only). */
export const WORKER_CONFIG_ENV = 'PASSAGE_VERIFIER_WORKER_CONFIG';

/** A running cluster of verifier workers behind one port. */
export interface RunningVerifierCluster {
  url: string;
  /** Process ids of the live workers (they change when a dead worker is replaced). */
  workerPids(): number[];
  /** Stops every worker (each finishes its requests in flight) and resolves when all have exited. */
  close(): Promise<void>;
}

export interface VerifierClusterOptions {
  /** Node options for the workers. Default: the primary's own (`tsx`'s loader, export conditions). */
  execArgv?: string[];
  logger?: DataLogger;
  /** A worker that does not exit this long after being told to stop is killed. */
  stopTimeoutMs?: number;
}

const workerEntry = () =>
  fileURLToPath(new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/**
 * Starts `config.workers` verifier processes sharing `config.port` (node:cluster). Each worker holds
 * its own trust list, rules and status lists and refreshes them itself, so a request is answered
 * exactly as a single process would answer it; an on-demand refresh (`POST /v1/sources/refresh`)
 * reaches every worker before it is answered. A worker that dies is replaced; `close()` stops them
 * all. Call it in the cluster's primary only.
 *
 * @example
 * const running = await startVerifierCluster(loadVerifierConfig());
 */
export async function startVerifierCluster(
  config: VerifierConfig,
  options: VerifierClusterOptions = {},
): Promise<RunningVerifierCluster> {
  let stopRelaying = () => {};
  const pool = await startWorkerPool({
    name: 'verifier',
    count: config.workers,
    exec: workerEntry(),
    env: { [WORKER_CONFIG_ENV]: JSON.stringify(config) },
    host: config.host,
    port: config.port,
    ...(options.execArgv ? { execArgv: options.execArgv } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.stopTimeoutMs === undefined ? {} : { stopTimeoutMs: options.stopTimeoutMs }),
    beforeFork: (workers) => {
      stopRelaying = relayRefreshes(workers);
    },
  });
  return {
    url: pool.url,
    workerPids: pool.workerPids,
    close: async () => {
      stopRelaying();
      await pool.close();
    },
  };
}
