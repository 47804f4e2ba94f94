import { runServer } from '@passage/service-kit';
import { loadVerifierConfig } from './config.js';
import { startVerifierServer } from './start.js';

// Entry point: read the environment, listen, stop cleanly on a signal.
await runServer(
  () => startVerifierServer(loadVerifierConfig()),
  (line) => console.error(line),
);
