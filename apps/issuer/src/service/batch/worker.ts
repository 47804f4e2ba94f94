import { parentPort } from 'node:worker_threads';
import { heapBudget } from './heap-budget.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';
import { createItemSigner, type ItemSigner } from './sign-items.js';

/**
 * A signing worker of a batch: receives the batch's setup (with the authority's key) over its
 * `MessagePort`, then checks and signs the jobs it is sent. It has no database and writes nothing.
 */
const port = parentPort;
if (!port) throw new Error('the batch signer runs as a worker thread');
let signer: Promise<ItemSigner> | undefined;
const keepHeapFlat = heapBudget(48);

port.on('message', async (request: WorkerRequest) => {
  if (request.kind === 'setup') {
    signer = createItemSigner(request.setup);
    signer.catch(() => undefined);
    return;
  }
  let reply: WorkerReply;
  try {
    if (!signer) throw new Error('a job came before the setup');
    reply = { kind: 'done', seq: request.seq, items: await (await signer)(request.job) };
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    reply = { kind: 'failed', seq: request.seq, name: error instanceof Error ? error.name : 'Error', code };
  }
  port.postMessage(reply);
  keepHeapFlat();
});
