import type { RequestListener } from 'node:http';
import { aheadErrors, serveAhead } from '@passage/service-kit';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { IssuerService } from '../service/issuer-service.js';
import { PUBLIC_CORS_PATHS, publicCors } from './cors.js';
import { ISSUE_AHEAD_PATHS, issueAhead } from './issue-ahead.js';
import { problemHandler, sendProblem } from './problem.js';
import { requestLog } from './request-log.js';
import { batchRoutes } from './routes/batch.js';
import { credentialRoutes } from './routes/credentials.js';
import { issueRoutes } from './routes/issue.js';
import { oid4vciRoutes } from './routes/oid4vci.js';
import { pdfRoutes } from './routes/pdf.js';
import { publicRoutes } from './routes/public.js';
import { type RegistryFiles, registryRoutes } from './routes/registry.js';
import { statusRoutes } from './routes/status.js';

/** What the issuer app needs. */
export interface IssuerAppDeps {
  service: IssuerService;
  logger: Logger;
  /** The operator's signed documents to publish (trust list, entry rules); unset ones answer 404. */
  registry?: RegistryFiles;
  /** The traveller wallet's page: offers then also answer a `walletUrl` link that redeems them. */
  walletUrl?: string;
}

/** The issuer's HTTP face: the express app, and the listener that serves single issuances ahead of it. */
export interface IssuerHttp {
  /** Every route; answers single issuances too, when it is called directly. */
  app: Express;
  /** What the server listens with: a plain JSON single issuance ahead of express, the rest the app's. */
  listener: RequestListener;
}

/** The largest single-issuance body the issuer reads (batches read their own, larger ones). */
const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Builds the issuer's express app. It never listens: `server.ts` does.
 *
 * @example
 * const { service } = await openIssuer(config);
 * const app = createIssuerApp({ service, logger: pino() });
 */
export function createIssuerApp(deps: IssuerAppDeps): Express {
  return createIssuerHttp(deps).app;
}

/**
 * Builds the issuer's app and the request listener the server uses: the busiest request, a single
 * typed issuance with a plain `application/json` body and no query, is answered before express sees
 * it (issue-ahead.ts), with the answer and log line of its route; everything else is the app's.
 */
export function createIssuerHttp(deps: IssuerAppDeps): IssuerHttp {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.logger));
  app.use(aheadErrors());
  app.use(PUBLIC_CORS_PATHS, publicCors);
  // Batches carry up to a thousand items: their routes parse their own bodies, before the 64 kB limit.
  app.use(batchRoutes(deps.service));
  app.use(express.json({ limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }));
  // Issuing first: the busiest routes, and no other router shares their paths.
  app.use(issueRoutes(deps.service));
  app.use(publicRoutes(deps.service));
  app.use(credentialRoutes(deps.service));
  app.use(statusRoutes(deps.service));
  app.use(oid4vciRoutes(deps.service, deps.walletUrl === undefined ? {} : { walletUrl: deps.walletUrl }));
  app.use(pdfRoutes(deps.service));
  app.use(registryRoutes({ publicUrl: deps.service.publicUrl, ...deps.registry }));
  app.use((_req, res) => sendProblem(res, 'NOT_FOUND', 'no such resource'));
  app.use(problemHandler(deps.logger));
  const listener = serveAhead(app, {
    paths: new Set(ISSUE_AHEAD_PATHS.keys()),
    limitBytes: BODY_LIMIT_BYTES,
    handle: issueAhead(deps.service, deps.logger),
  });
  return { app, listener };
}
