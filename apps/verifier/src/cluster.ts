import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
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

/** A worker that dies sooner than this after starting is replaced only after a pause, not at once. */
const QUICK_DEATH_MS = 2_000;
const RESTART_PAUSE_MS = 1_000;

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
  if (!cluster.isPrimary) throw new Error('startVerifierCluster runs in the cluster primary only');
  cluster.setupPrimary({
    exec: workerEntry(),
    ...(options.execArgv ? { execArgv: options.execArgv } : {}),
  });
  const env = { [WORKER_CONFIG_ENV]: JSON.stringify(config) };
  const live = new Set<Worker>();
  let stopping = false;
  const stopRelaying = relayRefreshes(() => live);

  const fork = (): Worker => {
    const started = Date.now();
    const worker = cluster.fork(env);
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      options.logger?.warn({ pid: worker.process.pid, code, signal }, 'verifier worker died; replacing it');
      const pause = Date.now() - started < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0;
      setTimeout(() => {
        if (!stopping) fork();
      }, pause).unref();
    });
    return worker;
  };

  const first = Array.from({ length: config.workers }, fork);
  const addresses = await Promise.all(first.map(listeningOf));
  const port = addresses[0]?.port ?? config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  options.logger?.info({ url, workers: config.workers }, 'verifier cluster listening');

  return {
    url,
    workerPids: () => [...live].flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
    close: async () => {
      stopping = true;
      stopRelaying();
      await Promise.all([...live].map((w) => stopWorker(w, options.stopTimeoutMs ?? 10_000)));
    },
  };
}

/** Resolves with the worker's address once it listens; rejects if it exits first. */
function listeningOf(worker: Worker): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`a verifier worker exited (${code}) before listening`));
    worker.once('exit', onExit);
    worker.once('listening', (address) => {
      worker.off('exit', onExit);
      resolve({ port: address.port });
    });
  });
}

/** Asks a worker to stop (SIGTERM: it closes its server and exits), killing it after `timeoutMs`. */
function stopWorker(worker: Worker, timeoutMs: number): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), timeoutMs);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.process.kill('SIGTERM');
  });
}
