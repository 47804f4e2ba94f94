import { runServer, serviceLogger } from '@passage/service-kit';
import { startVerifierCluster } from './cluster.js';
import { loadVerifierConfig } from './config.js';
import { startVerifierServer } from './start.js';

// Entry point: read the environment, listen (one process per core unless PASSAGE_WORKERS says
// otherwise), stop cleanly on a signal.
await runServer(
  () => {
    const config = loadVerifierConfig();
    if (config.workers <= 1) return startVerifierServer(config);
    return startVerifierCluster(config, {
      logger: serviceLogger('passage-verifier', config.logLevel),
    });
  },
  (line) => console.error(line),
);
