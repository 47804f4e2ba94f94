import { runServer } from '@passage/service-kit';
import { pino } from 'pino';
import { startIssuerCluster } from './cluster.js';
import { loadIssuerConfig } from './config.js';
import { startIssuerServer } from './start.js';

// Entry point: read the environment, listen (in PASSAGE_ISSUER_WORKERS processes when above 1), stop
// cleanly on a signal.
await runServer(
  () => {
    const config = loadIssuerConfig();
    if (config.workers <= 1) return startIssuerServer(config);
    return startIssuerCluster(process.env, {
      logger: pino({ name: 'passage-issuer', level: config.logLevel }),
    });
  },
  (line) => console.error(line),
);
