import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serviceLogger } from '@passage/service-kit';
import { readBundle } from './bundle/bundle.js';
import { clusterWideRefresh } from './cluster-refresh.js';
import type { VerifierConfig } from './config.js';
import { createVerifierData, type VerifierData } from './data.js';
import { createVerifierHttp } from './http/app.js';
import { readOperatorKeys } from './operator-key.js';
import { fileTrustSource } from './trust-source.js';

/** A running verifier: its base URL, its data and how to stop it. */
export interface RunningVerifier {
  url: string;
  data: VerifierData;
  close(): Promise<void>;
}

/** Where data events are logged (pino fits); the CLI passes nothing and stays quiet. */
export interface DataLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

const silent: DataLogger = { info: () => {}, warn: () => {} };

/**
 * The verifier's data as configured: a signed trust list and entry rules (from a URL, a file and/or an
 * offline bundle, checked against the pinned operator key) or, for development, an unsigned trust
 * file reloaded when it changes.
 */
export function openVerifierData(config: VerifierConfig, logger: DataLogger = silent): VerifierData {
  const operatorKeys = config.operatorKey === undefined ? undefined : readOperatorKeys(config.operatorKey);
  const data = createVerifierData({
    ...(operatorKeys ? { operatorKeys } : {}),
    ...(config.trustListUrl ? { trustListUrl: config.trustListUrl } : {}),
    ...(config.trustListFile ? { trustListFile: config.trustListFile } : {}),
    ...(config.entryRulesUrl ? { entryRulesUrl: config.entryRulesUrl } : {}),
    ...(config.entryRulesFile ? { entryRulesFile: config.entryRulesFile } : {}),
    ...(operatorKeys
      ? {}
      : {
          fallbackTrust: fileTrustSource(config.trustFile, {
            onReload: (entries) => logger.info({ entries }, 'trust file reloaded'),
            onError: (error) =>
              logger.warn({ code: error.code }, 'trust file rejected; keeping the last good one'),
          }),
        }),
    network: !config.offline,
    statusMaxStaleSec: config.statusMaxStaleSec,
    onEvent: (event, fields) => logger.info(fields, event),
  });
  if (config.bundleFile) {
    const loaded = data.loadBundle(readBundle(config.bundleFile));
    logger.info(
      {
        trustList: loaded.trustList,
        rules: loaded.rules,
        statusLists: loaded.statusLists.loaded,
        refusedStatusLists: loaded.statusLists.refused.length,
      },
      'offline bundle loaded',
    );
  }
  return data;
}

/** Starts the verifier HTTP service; the trust list and rules are refreshed every `refreshSec`. */
export async function startVerifierServer(config: VerifierConfig): Promise<RunningVerifier> {
  const logger = serviceLogger('passage-verifier', config.logLevel);
  const data = openVerifierData(config, logger);
  if (!config.offline) await data.refresh();
  data.start(config.refreshSec);
  const { listener } = createVerifierHttp({
    data,
    logger,
    clockToleranceSec: config.clockToleranceSec,
    refresh: clusterWideRefresh(() => data.refresh()),
  });
  const server = createServer(listener).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url, sources: data.sources() }, 'verifier listening');
  return {
    url,
    data,
    close: () =>
      new Promise<void>((resolve, reject) => {
        data.close();
        server.close((e) => {
          logger.flush();
          return e ? reject(e) : resolve();
        });
      }),
  };
}
