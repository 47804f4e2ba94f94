import type { SignedItem, SignerSetup, SignJob } from './sign-items.js';

/** From the main thread to a signing worker: the batch's setup once, then jobs. */
export type WorkerRequest =
  | { kind: 'setup'; setup: SignerSetup }
  | { kind: 'job'; seq: number; job: SignJob };

/** From a worker: a job's items in order, or why the job failed (no message text: it may quote input). */
export type WorkerReply =
  | { kind: 'done'; seq: number; items: SignedItem[] }
  | { kind: 'failed'; seq: number; name: string; code: string | undefined };
