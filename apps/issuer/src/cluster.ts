import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { type IssuerConfig, loadIssuerConfig } from './config.js';
import { openIssuer } from './service/open.js';

/** A running cluster of issuer processes behind one port, sharing one SQLite file. */
export interface RunningIssuerCluster {
  url: string;
  /** Process ids of the live workers (they change when a dead worker is replaced). */
  workerPids(): number[];
  /** Stops every worker (each finishes its requests in flight) and resolves when all have exited. */
  close(): Promise<void>;
}

export interface IssuerClusterOptions {
  /** Node options for the workers. Default: the primary's own (`tsx`'s loader, export conditions). */
  execArgv?: string[];
  logger?: Pick<Logger, 'info' | 'warn'>;
}

const QUICK_DEATH_MS = 2_000;
const RESTART_PAUSE_MS = 1_000;
const STOP_TIMEOUT_MS = 10_000;

const workerEntry = () =>
  fileURLToPath(new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/**
 * Starts `PASSAGE_ISSUER_WORKERS` issuer processes sharing the configured port (node:cluster) and the
 * database: SQLite in WAL mode lets them read at once and queues their writes (busy timeout). The
 * primary runs the migrations first, so workers never race to migrate. Each worker reads the same
 * environment (`env`) as the primary validated; a worker that dies is replaced.
 *
 * @example
 * const running = await startIssuerCluster(process.env);
 */
export async function startIssuerCluster(
  env: NodeJS.ProcessEnv,
  options: IssuerClusterOptions = {},
): Promise<RunningIssuerCluster> {
  if (!cluster.isPrimary) throw new Error('startIssuerCluster runs in the cluster primary only');
  const config: IssuerConfig = loadIssuerConfig(env);
  await (await openIssuer(config)).close();
  cluster.setupPrimary({
    exec: workerEntry(),
    ...(options.execArgv ? { execArgv: options.execArgv } : {}),
  });
  const workerEnv = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const live = new Set<Worker>();
  let stopping = false;
  const fork = (): Worker => {
    const started = Date.now();
    const worker = cluster.fork(workerEnv);
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      options.logger?.warn({ pid: worker.process.pid, code, signal }, 'issuer worker died; replacing it');
      const pause = Date.now() - started < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0;
      setTimeout(() => {
        if (!stopping) fork();
      }, pause).unref();
    });
    return worker;
  };
  const first = Array.from({ length: config.workers }, fork);
  const ports = await Promise.all(
    first.map(
      (worker) =>
        new Promise<number>((resolve, reject) => {
          worker.once('exit', (code) =>
            reject(new Error(`an issuer worker exited (${code}) before listening`)),
          );
          worker.once('listening', (address) => resolve(address.port));
        }),
    ),
  );
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${ports[0] ?? config.port}`;
  options.logger?.info({ url, workers: config.workers }, 'issuer cluster listening');
  return {
    url,
    workerPids: () => [...live].flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
    close: async () => {
      stopping = true;
      await Promise.all(
        [...live].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
