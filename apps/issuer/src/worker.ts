import { runServer } from '@passage/service-kit';
import { loadIssuerConfig } from './config.js';
import { startIssuerServer } from './start.js';

// Entry point of a cluster worker: the same environment as the primary, whose migrations have run.
// Stops cleanly on SIGTERM from the primary.
await runServer(
  () => startIssuerServer(loadIssuerConfig()),
  (line) => process.stderr.write(`${line}\n`),
);
