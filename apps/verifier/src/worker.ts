import { runServer } from '@passage/service-kit';
import { WORKER_CONFIG_ENV } from './cluster.js';
import type { VerifierConfig } from './config.js';
import { startVerifierServer } from './start.js';

// Entry point of a cluster worker: the primary hands over its parsed configuration, so every worker
// runs with exactly the settings the primary validated. Stops cleanly on SIGTERM from the primary.
await runServer(
  () => startVerifierServer(JSON.parse(process.env[WORKER_CONFIG_ENV] ?? '{}') as VerifierConfig),
  (line) => process.stderr.write(`${line}\n`),
);
