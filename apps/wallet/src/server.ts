import { runServer } from '@passage/service-kit';
import { loadWalletConfig } from './config.js';
import { startWalletServer } from './start.js';

// Entry point: read the environment, listen, stop cleanly on a signal.
await runServer(
  () => startWalletServer(loadWalletConfig()),
  (line) => console.error(line),
);
