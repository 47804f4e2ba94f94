import { runServer } from '@passage/service-kit';
import { WORKER_CONFIG_ENV } from './cluster.js';
import { loadVerifierConfig, type VerifierConfig } from './config.js';
import { startVerifierServer } from './start.js';

// Entry point of a cluster worker: the primary hands over its parsed configuration, so every worker
// runs with exactly the settings the primary validated (started by hand, it reads the environment).
// Stops cleanly on SIGTERM from the primary.
const handedOver = process.env[WORKER_CONFIG_ENV];
await runServer(
  () =>
    startVerifierServer(
      handedOver === undefined ? loadVerifierConfig() : (JSON.parse(handedOver) as VerifierConfig),
    ),
  (line) => process.stderr.write(`${line}\n`),
);
