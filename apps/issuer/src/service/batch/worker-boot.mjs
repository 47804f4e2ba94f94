// Runs the TypeScript worker when the issuer runs from source (tsx, vitest): registers tsx's loader in
// this thread, then imports the worker. A build runs worker.js directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
