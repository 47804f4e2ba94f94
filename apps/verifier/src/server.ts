import { loadVerifierConfig } from './config.js';
import { startVerifierServer } from './start.js';

// Entry point: read the environment, listen, stop cleanly on a signal.
try {
  const running = await startVerifierServer(loadVerifierConfig());
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
}
