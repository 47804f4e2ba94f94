import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createWalletApp } from './app.js';
import type { WalletConfig } from './config.js';

/** A running wallet server: its base URL and how to stop it. */
export interface RunningWallet {
  url: string;
  close(): Promise<void>;
}

/** Starts the wallet's web server (the page is built on its first request when stale). */
export async function startWalletServer(
  config: WalletConfig,
  options: { webDir?: string } = {},
): Promise<RunningWallet> {
  const logger = pino({ name: 'passage-wallet', level: config.logLevel });
  const app = createWalletApp({ logger, ...options });
  const server = createServer(app).listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url }, 'wallet listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
