import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { IssuerService } from '../service/issuer-service.js';
import { PUBLIC_CORS_PATHS, publicCors } from './cors.js';
import { fastIssue } from './fast-issue.js';
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

/**
 * Builds the issuer's express app. It never listens: `server.ts` does.
 *
 * @example
 * const { service } = await openIssuer(config);
 * const app = createIssuerApp({ service, logger: pino() });
 */
export function createIssuerApp(deps: IssuerAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.logger));
  app.use(PUBLIC_CORS_PATHS, publicCors);
  // The busiest request, a single issuance, answered ahead of the routers (its routes stay below).
  app.use(fastIssue(deps.service));
  // Batches carry up to a thousand items: their routes parse their own bodies, before the 64 kB limit.
  app.use(batchRoutes(deps.service));
  app.use(express.json({ limit: '64kb', type: ['application/json', 'application/*+json'] }));
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
  return app;
}
