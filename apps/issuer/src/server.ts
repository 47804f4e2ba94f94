import { runServer } from '@passage/service-kit';
import { loadIssuerConfig } from './config.js';
import { startIssuerServer } from './start.js';

// Entry point: read the environment, listen, stop cleanly on a signal.
await runServer(
  () => startIssuerServer(loadIssuerConfig()),
  (line) => console.error(line),
);
