import { loadIssuerConfig } from './config.js';
import { startIssuerServer } from './start.js';

// Entry point: read the environment, listen, stop cleanly on a signal.
try {
  const running = await startIssuerServer(loadIssuerConfig());
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
}
