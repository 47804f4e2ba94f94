import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serviceLogger } from '@passage/service-kit';
import type { IssuerConfig } from './config.js';
import { createIssuerHttp } from './http/app.js';
import { loadCertificateFonts } from './service/certificate/font-set.js';
import type { IssuerService } from './service/issuer-service.js';
import { openIssuer } from './service/open.js';

/** A running issuer: its base URL, its service (for the start script's demo data) and how to stop it. */
export interface RunningIssuer {
  url: string;
  service: IssuerService;
  close(): Promise<void>;
}

/** Opens the database, runs migrations and starts the issuer HTTP service. */
export async function startIssuerServer(config: IssuerConfig): Promise<RunningIssuer> {
  const logger = serviceLogger('passage-issuer', config.logLevel);
  if (config.secretGenerated)
    logger.warn('PASSAGE_SECRET is not set: using the development secret in the data folder');
  // Parsed now, once per process: a font file fontkit cannot read stops the start, not a request.
  await loadCertificateFonts(config.pdfFonts);
  if (config.pdfFonts.length > 0) logger.info({ files: config.pdfFonts }, 'extra certificate fonts');
  const issuer = await openIssuer(config);
  const { listener } = createIssuerHttp({
    service: issuer.service,
    logger,
    registry: config,
    ...(config.walletUrl === undefined ? {} : { walletUrl: config.walletUrl }),
  });
  const server = createServer(listener).listen(config.port, config.host);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await issuer.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url, publicUrl: config.publicUrl }, 'issuer listening');
  return {
    url,
    service: issuer.service,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await issuer.close();
      logger.flush();
    },
  };
}
