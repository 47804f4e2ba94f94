import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { startWorkerPool } from '@passage/service-kit';
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
  const pool = await startWorkerPool({
    name: 'issuer',
    count: config.workers,
    exec: workerEntry(),
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    host: config.host,
    port: config.port,
    ...(options.execArgv ? { execArgv: options.execArgv } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { url: pool.url, workerPids: pool.workerPids, close: pool.close };
}
