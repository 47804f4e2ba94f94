import cluster, { type Worker } from 'node:cluster';

/** What a pool logs: a worker that died, and the pool listening. */
export interface PoolLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** How to start a pool of service processes behind one port. */
export interface WorkerPoolOptions {
  /** The service's name, for log lines and errors ("verifier", "issuer"). */
  name: string;
  /** How many processes. */
  count: number;
  /** The worker's entry file. */
  exec: string;
  /** The environment each worker gets on top of the primary's. */
  env: Record<string, string>;
  /** Where the workers listen, for the pool's URL. */
  host: string;
  port: number;
  /** Node options for the workers. Default: the primary's own (`tsx`'s loader, export conditions). */
  execArgv?: string[];
  logger?: PoolLogger;
  /** A worker that does not exit this long after being told to stop is killed. Default: 10 s. */
  stopTimeoutMs?: number;
  /** Called before the first fork with the live workers, e.g. to relay messages between them. */
  beforeFork?: (workers: () => ReadonlySet<Worker>) => void;
}

/** A running pool: its URL, the live workers, and how to stop them. */
export interface RunningWorkerPool {
  url: string;
  /** The live workers (they change when a dead worker is replaced). */
  workers(): ReadonlySet<Worker>;
  /** Process ids of the live workers. */
  workerPids(): number[];
  /** Stops every worker (each finishes its requests in flight) and resolves when all have exited. */
  close(): Promise<void>;
}

/** A worker that dies sooner than this after starting is replaced only after a pause, not at once. */
const QUICK_DEATH_MS = 2_000;
const RESTART_PAUSE_MS = 1_000;

/**
 * Starts `count` processes of a service sharing one port (node:cluster) and resolves once each
 * listens. A worker that dies is replaced (after a pause when it died at once); `close()` stops them
 * all. Call it in the cluster's primary only.
 */
export async function startWorkerPool(options: WorkerPoolOptions): Promise<RunningWorkerPool> {
  if (!cluster.isPrimary) throw new Error(`the ${options.name} pool starts in the cluster primary only`);
  cluster.setupPrimary({ exec: options.exec, ...(options.execArgv ? { execArgv: options.execArgv } : {}) });
  const live = new Set<Worker>();
  let stopping = false;
  options.beforeFork?.(() => live);

  const fork = (): Worker => {
    const started = Date.now();
    const worker = cluster.fork(options.env);
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      const fields = { pid: worker.process.pid, code, signal };
      options.logger?.warn(fields, `${options.name} worker died; replacing it`);
      const pause = Date.now() - started < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0;
      setTimeout(() => {
        if (!stopping) fork();
      }, pause).unref();
    });
    return worker;
  };

  const first = Array.from({ length: options.count }, fork);
  const ports = await Promise.all(first.map((w) => listeningOf(w, options.name)));
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = `http://${host}:${ports[0] ?? options.port}`;
  options.logger?.info({ url, workers: options.count }, `${options.name} cluster listening`);

  return {
    url,
    workers: () => live,
    workerPids: () => [...live].flatMap((w) => (w.process.pid === undefined ? [] : [w.process.pid])),
    close: async () => {
      stopping = true;
      await Promise.all([...live].map((w) => stopWorker(w, options.stopTimeoutMs ?? 10_000)));
    },
  };
}

/** Resolves with the worker's port once it listens; rejects if it exits first. */
function listeningOf(worker: Worker, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`a ${name} worker exited (${code}) before listening`));
    worker.once('exit', onExit);
    worker.once('listening', (address) => {
      worker.off('exit', onExit);
      resolve(address.port);
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
