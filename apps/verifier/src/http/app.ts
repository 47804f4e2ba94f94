import type { StatusListCache } from '@passage/credentials';
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { createVerifierData, type VerifierData } from '../data.js';
import { VerifierError } from '../errors.js';
import type { TrustSource } from '../trust-source.js';
import { type VerifierAnswer, verifyForOfficer } from '../verify-service.js';
import { fastVerify } from './fast-verify.js';
import { problemHandler, sendProblem } from './problem.js';
import { requestLog } from './request-log.js';
import {
  quickVerifyRequest,
  type VerifyRequest,
  vcApiVerifyRequestSchema,
  verifyRequestSchema,
} from './requests.js';
import { officerRoutes } from './routes/officer.js';
import { sendJson } from './send-json.js';

/** What the verifier app needs; it does no I/O of its own beyond what these give it. */
export interface VerifierAppDeps {
  /** Trust list, rules, status lists and DID documents. Default: built from `trust` and `statusLists`. */
  data?: VerifierData;
  /** An unsigned trust source (development trust file), used when `data` is not given. */
  trust?: TrustSource;
  logger: Logger;
  /** The clock; tests pin it. */
  now?: () => Date;
  clockToleranceSec?: number;
  /** Status lists, shared by every request, when `data` is not given. Default: an online cache. */
  statusLists?: StatusListCache;
  /** What `POST /v1/sources/refresh` runs. Default: `data.refresh()`; in a cluster, every worker's. */
  refresh?: () => Promise<unknown>;
}

/** On-demand refreshes of the trust list and rules are spaced by at least this much. */
const REFRESH_SPACING_MS = 5_000;

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
  const data =
    deps.data ??
    createVerifierData({
      ...(deps.trust ? { fallbackTrust: deps.trust } : {}),
      ...(deps.statusLists ? { statusLists: deps.statusLists } : {}),
    });
  let lastRefresh = 0;

  const run = async (res: Response, input: unknown, ask: VerifyAsk): Promise<VerifierAnswer> => {
    const now = ask.at ? new Date(ask.at) : (deps.now?.() ?? new Date());
    const answer = await verifyForOfficer(input, {
      trust: data.trust(),
      foreign: data.foreign(),
      now,
      clockToleranceSec: deps.clockToleranceSec ?? 60,
      statusLists: data.statusLists,
      resolver: data.resolver,
      sources: data.sources(),
      ...(ask.economy
        ? { entry: { economy: ask.economy, ruleSet: data.rules(), ...optionalArrival(ask.arrivalDate) } }
        : {}),
    });
    res.locals.verdict = verdictLog(answer);
    return answer;
  };

  const answerVerify = async (res: Response, body: VerifyRequest) => {
    const answer = await run(res, body.qr ?? body.qrs ?? body.credential, body);
    sendJson(res, 200, answer);
  };
  app.use(fastVerify(answerVerify));
  app.use(express.json({ limit: '128kb', type: ['application/json', 'application/*+json'] }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', trustedIssuers: data.trust().size, sources: data.sources() });
  });

  app.post('/v1/verify', async (req, res) => {
    await answerVerify(res, quickBody(req) ?? parseBody(verifyRequestSchema, req));
  });

  app.post('/credentials/verify', async (req, res) => {
    const body = parseBody(vcApiVerifyRequestSchema, req);
    const answer = await run(res, body.verifiableCredential, body.options ?? {});
    sendJson(res, answer.verified ? 200 : 422, answer);
  });

  app.get('/v1/sources', (_req, res) => {
    res.json(data.sources());
  });

  app.post('/v1/sources/refresh', async (_req, res) => {
    const now = Date.now();
    if (now - lastRefresh < REFRESH_SPACING_MS) {
      res.setHeader('Retry-After', String(Math.ceil((REFRESH_SPACING_MS - (now - lastRefresh)) / 1000)));
      throw new VerifierError('TOO_MANY_REQUESTS', 'a refresh was made moments ago');
    }
    lastRefresh = now;
    await (deps.refresh ? deps.refresh() : data.refresh());
    res.json(data.sources());
  });

  app.use(officerRoutes(data));
  app.use((_req, res) => sendProblem(res, 'NOT_FOUND', 'no such resource'));
  app.use(problemHandler(deps.logger));
  return app;
}

interface VerifyAsk {
  at?: string | undefined;
  economy?: string | undefined;
  arrivalDate?: string | undefined;
}

const optionalArrival = (arrivalDate: string | undefined) => (arrivalDate ? { arrivalDate } : {});

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

/** The common `{ qr, economy }` body sent as plain `application/json`; undefined: take `parseBody`. */
function quickBody(req: Request) {
  return req.headers['content-type'] === 'application/json' ? quickVerifyRequest(req.body) : undefined;
}

function verdictLog(answer: VerifierAnswer): Record<string, unknown> {
  return {
    verified: answer.verified,
    credentialId: typeof answer.credential?.id === 'string' ? answer.credential.id : undefined,
    format: answer.format,
    credentialType: answer.credentialType,
    issuer: answer.issuer?.did ?? answer.issuer?.id,
    codes: answer.errors.map((e) => e.code),
    entry: answer.entry ? { economy: answer.entry.economy, outcome: answer.entry.outcome } : undefined,
  };
}
