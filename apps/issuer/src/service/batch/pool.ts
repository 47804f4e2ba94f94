import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './protocol.js';
import { createItemSigner, type SignedItem, type SignerSetup, type SignJob } from './sign-items.js';

/** Signs jobs on worker threads (or in this thread when there are none). */
export interface SigningPool {
  /** How many jobs may usefully be in flight at once. */
  readonly parallelism: number;
  sign(job: SignJob): Promise<SignedItem[]>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (items: SignedItem[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/** A worker's heap: its live set is the loaded modules and one job; the limits keep its garbage small. */
const LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 2 };
const SOURCE_CONDITION = '--conditions=@passage/source';

/** A worker running `worker.ts` from source through tsx, or the built `worker.js`. */
function spawn(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { resourceLimits: LIMITS });
  const execArgv = process.execArgv.includes(SOURCE_CONDITION)
    ? process.execArgv
    : [...process.execArgv, SOURCE_CONDITION];
  return new Worker(new URL('./worker-boot.mjs', here), {
    workerData: { entry: new URL('./worker.ts', here).href },
    execArgv,
    resourceLimits: LIMITS,
  });
}

/** The error a failed job rejects with: the worker's error name and code, never its message. */
function jobError(reply: Extract<WorkerReply, { kind: 'failed' }>): Error {
  const error = new Error(
    `a batch signing worker failed (${reply.name}${reply.code ? ` ${reply.code}` : ''})`,
  );
  return Object.assign(error, { code: reply.code });
}

/**
 * Starts `workers` signing threads for a batch and sends each the setup (with the authority's key) over
 * its `MessagePort`. With `workers` 0 the jobs are signed in this thread, for small batches and tests.
 * Jobs go to the least busy worker; a worker that dies fails every job in flight.
 */
export async function createSigningPool(setup: SignerSetup, workers: number): Promise<SigningPool> {
  if (workers <= 0) {
    const sign = await createItemSigner(setup);
    return { parallelism: 1, sign, close: async () => {} };
  }
  const pending = new Map<number, Pending & { slot: Slot }>();
  let seq = 0;
  let dead: Error | undefined;
  const slots: Slot[] = Array.from({ length: workers }, () => {
    const slot: Slot = { worker: spawn(), busy: 0 };
    slot.worker.on('message', (reply: WorkerReply) => {
      const job = pending.get(reply.seq);
      if (!job) return;
      pending.delete(reply.seq);
      slot.busy--;
      if (reply.kind === 'done') job.resolve(reply.items);
      else job.reject(jobError(reply));
    });
    const fail = (error: Error) => {
      dead ??= error;
      for (const [id, job] of pending) {
        if (job.slot !== slot) continue;
        pending.delete(id);
        job.reject(error);
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`a batch signing worker exited (${code})`)));
    slot.worker.postMessage({ kind: 'setup', setup } satisfies WorkerRequest);
    return slot;
  });
  return {
    parallelism: workers,
    sign(job) {
      if (dead) return Promise.reject(dead);
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = seq++;
      slot.busy++;
      return new Promise<SignedItem[]>((resolve, reject) => {
        pending.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ kind: 'job', seq: id, job } satisfies WorkerRequest);
      });
    },
    async close() {
      dead ??= new Error('the signing pool is closed');
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
