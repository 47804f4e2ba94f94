import cluster, { type Worker } from 'node:cluster';

// Messages between a cluster's primary and its workers so that `POST /v1/sources/refresh`, which
// reaches one worker, refreshes every worker before it answers: the next request may go to any.

interface RefreshMessage {
  passage: 'refresh-all' | 'refresh' | 'refreshed' | 'all-refreshed';
  id: number;
}

const isRefreshMessage = (m: unknown): m is RefreshMessage =>
  typeof m === 'object' && m !== null && typeof (m as { passage?: unknown }).passage === 'string';

/** A worker that has not refreshed after this long is not waited for. */
const WORKER_REFRESH_TIMEOUT_MS = 30_000;

/**
 * In the primary: relays a worker's request to refresh to every live worker and answers it once all
 * have refreshed (or timed out). Returns a function that stops relaying.
 */
export function relayRefreshes(workers: () => Iterable<Worker>): () => void {
  let next = 0;
  const onMessage = (from: Worker, message: unknown) => {
    if (!isRefreshMessage(message) || message.passage !== 'refresh-all') return;
    const round = ++next;
    const all = [...workers()];
    void Promise.all(all.map((worker) => refreshOne(worker, round))).then(() => {
      if (from.isConnected()) from.send({ passage: 'all-refreshed', id: message.id });
    });
  };
  cluster.on('message', onMessage);
  return () => cluster.off('message', onMessage);
}

function refreshOne(worker: Worker, id: number): Promise<void> {
  return new Promise((resolve) => {
    if (!worker.isConnected()) return resolve();
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onReply);
      worker.off('exit', done);
      resolve();
    };
    const onReply = (reply: unknown) => {
      if (isRefreshMessage(reply) && reply.passage === 'refreshed' && reply.id === id) done();
    };
    const timer = setTimeout(done, WORKER_REFRESH_TIMEOUT_MS);
    worker.on('message', onReply);
    worker.once('exit', done);
    worker.send({ passage: 'refresh', id });
  });
}

/**
 * In a worker: refreshes this worker's data when the primary says so, and returns the refresh the
 * app should run on demand: ask the primary to refresh every worker and wait until all have.
 * Outside a cluster it returns `refresh` itself.
 */
export function clusterWideRefresh(refresh: () => Promise<unknown>): () => Promise<void> {
  if (!cluster.isWorker) return async () => void (await refresh());
  process.on('message', (message: unknown) => {
    if (!isRefreshMessage(message) || message.passage !== 'refresh') return;
    void refresh()
      .catch(() => undefined)
      .then(() => process.send?.({ passage: 'refreshed', id: message.id }));
  });
  let next = 0;
  return () =>
    new Promise<void>((resolve) => {
      const id = ++next;
      const onMessage = (message: unknown) => {
        if (!isRefreshMessage(message) || message.passage !== 'all-refreshed' || message.id !== id) return;
        process.off('message', onMessage);
        resolve();
      };
      process.on('message', onMessage);
      process.send?.({ passage: 'refresh-all', id });
    });
}
