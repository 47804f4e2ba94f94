import { createStatusListCache, type StatusListCache } from '@passage/credentials';
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { VerifierError } from '../errors.js';
import type { TrustSource } from '../trust-source.js';
import { type VerifierAnswer, verifyForOfficer } from '../verify-service.js';
import { problemHandler, sendProblem } from './problem.js';
import { requestLog } from './request-log.js';
import { vcApiVerifyRequestSchema, verifyRequestSchema } from './requests.js';

/** What the verifier app needs; it does no I/O of its own beyond what these give it. */
export interface VerifierAppDeps {
  trust: TrustSource;
  logger: Logger;
  /** The clock; tests pin it. */
  now?: () => Date;
  clockToleranceSec?: number;
  /** Status lists, shared by every request. Default: an online cache with default limits. */
  statusLists?: StatusListCache;
}

/**
 * Builds the verifier's express app. It never listens: `server.ts` does.
 *
 * @example
 * const app = createVerifierApp({ trust: staticTrustSource(store), logger: pino({ level: 'silent' }) });
 */
export function createVerifierApp(deps: VerifierAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.logger));
  app.use(express.json({ limit: '128kb', type: ['application/json', 'application/*+json'] }));
  const statusLists = deps.statusLists ?? createStatusListCache();

  const run = async (res: Response, input: unknown, at: string | undefined): Promise<VerifierAnswer> => {
    const now = at ? new Date(at) : (deps.now?.() ?? new Date());
    const answer = await verifyForOfficer(input, {
      trust: deps.trust.current(),
      now,
      clockToleranceSec: deps.clockToleranceSec ?? 60,
      statusLists,
    });
    res.locals.verdict = verdictLog(answer);
    return answer;
  };

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', trustedIssuers: deps.trust.current().size });
  });

  app.post('/v1/verify', async (req, res) => {
    const body = parseBody(verifyRequestSchema, req);
    const answer = await run(res, body.qr ?? body.credential, body.at);
    res.status(200).json(answer);
  });

  app.post('/credentials/verify', async (req, res) => {
    const body = parseBody(vcApiVerifyRequestSchema, req);
    const answer = await run(res, body.verifiableCredential, body.options?.at);
    res.status(answer.verified ? 200 : 422).json(answer);
  });

  app.use((_req, res) => sendProblem(res, 'NOT_FOUND', 'no such resource'));
  app.use(problemHandler(deps.logger));
  return app;
}

function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw new VerifierError('UNSUPPORTED_MEDIA_TYPE', 'send the request as application/json');
  }
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new VerifierError('MALFORMED_INPUT', 'request does not match the expected shape', details);
  }
  return parsed.data;
}

function verdictLog(answer: VerifierAnswer): Record<string, unknown> {
  return {
    verified: answer.verified,
    credentialId: typeof answer.credential?.id === 'string' ? answer.credential.id : undefined,
    credentialType: answer.credentialType,
    issuer: answer.issuer?.did,
    codes: answer.errors.map((e) => e.code),
  };
}
