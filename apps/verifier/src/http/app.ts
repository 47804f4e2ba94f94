import type { RequestListener } from 'node:http';
import { type KeyBindingPolicy, type StatusListCache, verifyPresentation } from '@passage/credentials';
import { aheadErrors, loggedText, sendJson, serveAhead } from '@passage/service-kit';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { createVerifierData, type VerifierData } from '../data.js';
import { VerifierError } from '../errors.js';
import { keyBindingAsked } from '../key-binding.js';
import type { TrustSource } from '../trust-source.js';
import { type VerifierAnswer, verifyForOfficer } from '../verify-service.js';
import { answerAhead } from './fast-verify.js';
import { problemHandler, sendProblem } from './problem.js';
import { requestLog } from './request-log.js';
import {
  quickVerifyRequest,
  type VerifyRequest,
  vcApiPresentationRequestSchema,
  vcApiVerifyRequestSchema,
  verifyRequestSchema,
} from './requests.js';
import { officerRoutes } from './routes/officer.js';

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

/** The verifier's HTTP face: the express app, and the listener that serves the scanner's request ahead of it. */
export interface VerifierHttp {
  /** Every route; answers the scanner's request too, when it is called directly (tests). */
  app: Express;
  /** What the server listens with: `POST /v1/verify` with a plain `{ qr, economy }` body ahead of express. */
  listener: RequestListener;
}

/** The largest request body the verifier reads. */
const BODY_LIMIT_BYTES = 128 * 1024;

/**
 * Builds the verifier's express app. It never listens: `server.ts` does.
 *
 * @example
 * const app = createVerifierApp({ trust: staticTrustSource(store), logger: pino({ level: 'silent' }) });
 */
export function createVerifierApp(deps: VerifierAppDeps): Express {
  return createVerifierHttp(deps).app;
}

/**
 * Builds the verifier's app and the request listener the server uses: the scanner's request (a
 * `POST /v1/verify` of `{ qr, economy }` as plain `application/json`) is answered before express sees
 * it, with the same answer, headers and log line as the app's route; everything else is the app's.
 */
export function createVerifierHttp(deps: VerifierAppDeps): VerifierHttp {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.logger));
  app.use(aheadErrors());
  const data =
    deps.data ??
    createVerifierData({
      ...(deps.trust ? { fallbackTrust: deps.trust } : {}),
      ...(deps.statusLists ? { statusLists: deps.statusLists } : {}),
    });
  let lastRefresh = 0;

  const run = async (
    input: unknown,
    ask: VerifyAsk,
    keyBinding?: KeyBindingPolicy,
  ): Promise<VerifierAnswer> => {
    const now = ask.at ? new Date(ask.at) : (deps.now?.() ?? new Date());
    return verifyForOfficer(input, {
      ...(keyBinding ? { keyBinding } : {}),
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
  };

  app.use(express.json({ limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }));

  app.post('/v1/verify', async (req, res) => {
    const body: VerifyRequest = quickBody(req) ?? parseBody(verifyRequestSchema, req);
    const answer = await run(body.qr ?? body.qrs ?? body.credential, body, keyBindingAsked(body));
    res.locals.verdict = verdictLog(answer);
    sendJson(res, 200, answer);
  });

  const listener = serveAhead(app, {
    paths: new Set(['/v1/verify']),
    limitBytes: BODY_LIMIT_BYTES,
    handle: answerAhead(deps.logger, (body) => run(body.qr, body), verdictLog),
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', trustedIssuers: data.trust().size, sources: data.sources() });
  });

  app.post('/credentials/verify', async (req, res) => {
    const body = parseBody(vcApiVerifyRequestSchema, req);
    const ask = body.options ?? {};
    const answer = await run(body.verifiableCredential, ask, keyBindingAsked(ask));
    res.locals.verdict = verdictLog(answer);
    sendJson(res, answer.verified ? 200 : 422, answer);
  });

  // A holder's presentation: its proof and binding, then each credential as /credentials/verify takes it,
  // with the key binding the presentation asks of it (credentialKeyBinding): an SD-JWT's KB-JWT is
  // required only with requireKeyBinding, the presentation's proof binding it otherwise.
  app.post('/presentations/verify', async (req, res) => {
    const body = parseBody(vcApiPresentationRequestSchema, req);
    const ask = body.options ?? {};
    const report = await verifyPresentation(body.verifiablePresentation, {
      trust: data.trust(),
      now: ask.at ? new Date(ask.at) : (deps.now?.() ?? new Date()),
      clockToleranceSec: deps.clockToleranceSec ?? 60,
      ...(ask.challenge === undefined ? {} : { challenge: ask.challenge }),
      ...(ask.domain === undefined ? {} : { domain: ask.domain }),
      ...(ask.requireKeyBinding === undefined ? {} : { requireKeyBinding: ask.requireKeyBinding }),
      ...(ask.requireHolderBinding === undefined ? {} : { requireHolderBinding: ask.requireHolderBinding }),
      verifyCredential: (credential, keyBinding) => run(credential, ask, keyBinding),
    });
    res.locals.verdict = {
      verified: report.verified,
      format: 'vp+jwt',
      credentials: report.credentials.length,
    };
    sendJson(res, report.verified ? 200 : 422, report);
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
  return { app, listener };
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

// Identifiers read from an unverified credential are the sender's to choose: logged cut short.
const loggedId = (value: unknown) => (typeof value === 'string' ? loggedText(value) : undefined);

function verdictLog(answer: VerifierAnswer): Record<string, unknown> {
  return {
    verified: answer.verified,
    credentialId: loggedId(answer.credential?.id),
    format: answer.format,
    credentialType: answer.credentialType,
    issuer: loggedId(answer.issuer?.did ?? answer.issuer?.id),
    codes: answer.errors.map((e) => e.code),
    entry: answer.entry ? { economy: answer.entry.economy, outcome: answer.entry.outcome } : undefined,
  };
}
