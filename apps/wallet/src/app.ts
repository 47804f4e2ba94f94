import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPage, loggedText, pageSecurityHeaders, problemDocument } from '@passage/service-kit';
import express, { type Express } from 'express';
import type { Logger } from 'pino';

/** The wallet page's folder: `build.ts`, its sources and the built `dist/` (not committed). */
const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../web');

/** Besides its own origin the page talks to any https issuer, or to one on this machine over http (the demo). */
const ISSUERS = ['https:', 'http://127.0.0.1:*', 'http://localhost:*'];

/** What the wallet app needs. */
export interface WalletAppDeps {
  logger: Logger;
  /** The folder holding `build.ts` and `dist/`. Default: `apps/wallet/web`. */
  webDir?: string;
}

/**
 * The wallet's web server: the installable page at `/` (built on first request when missing or older
 * than its sources) and `/healthz`. The page talks to issuers itself; this server holds no credential
 * and sees no personal data. It never listens: `start.ts` does.
 */
export function createWalletApp(deps: WalletAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.once('finish', () =>
      deps.logger.info({ method: req.method, path: loggedText(req.path), status: res.statusCode }, 'request'),
    );
    next();
  });
  app.use(pageSecurityHeaders(ISSUERS));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    ...builtPage({
      webDir: deps.webDir ?? WEB_DIR,
      onBuildError: (res) => {
        deps.logger.error('the wallet page could not be built');
        res
          .status(500)
          .type('application/problem+json')
          .json(problemDocument('INTERNAL', 500, 'the wallet page could not be built'));
      },
    }),
  );
  app.use((_req, res) => {
    res
      .status(404)
      .type('application/problem+json')
      .json(problemDocument('NOT_FOUND', 404, 'no such resource'));
  });
  return app;
}
