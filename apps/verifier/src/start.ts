import type { AddressInfo } from 'node:net';
import { createStatusListCache } from '@passage/credentials';
import { pino } from 'pino';
import type { VerifierConfig } from './config.js';
import { createVerifierApp } from './http/app.js';
import { fileTrustSource } from './trust-source.js';

/** A running verifier: its base URL and how to stop it. */
export interface RunningVerifier {
  url: string;
  close(): Promise<void>;
}

/** Starts the verifier HTTP service with a trust file that is reloaded when it changes. */
export async function startVerifierServer(config: VerifierConfig): Promise<RunningVerifier> {
  const logger = pino({ name: 'passage-verifier', level: config.logLevel });
  const trust = fileTrustSource(config.trustFile, {
    onReload: (entries) => logger.info({ entries }, 'trust file reloaded'),
    onError: (error) => logger.warn({ code: error.code }, 'trust file rejected; keeping the last good one'),
  });
  // One cache per process: every request shares its lists and its one-fetch-per-URL rule.
  const statusLists = createStatusListCache({ maxStaleSec: config.statusMaxStaleSec });
  const app = createVerifierApp({ trust, logger, clockToleranceSec: config.clockToleranceSec, statusLists });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url, trustFile: config.trustFile }, 'verifier listening');
  return {
    url,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
