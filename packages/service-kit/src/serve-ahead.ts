import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Answers a request read ahead with its parsed body: a promise that settles once it has answered
 * (a rejection before anything was written goes to the app's error handler), or `false` to hand the
 * request to the app with the body already parsed.
 */
export type AheadHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
) => Promise<void> | false;

/** Which requests {@link serveAhead} answers itself, and how. */
export interface ServeAheadOptions {
  /** Exact request URLs (no query string) of POST requests it takes. */
  paths: ReadonlySet<string>;
  /** The largest body it reads: the same bound as the app's JSON parser. */
  limitBytes: number;
  handle: AheadHandler;
}

/** An error body-parser would have raised for a body that is not JSON, so problem handlers answer alike. */
const parseFailed = () =>
  Object.assign(new Error('the request body is not valid JSON'), {
    type: 'entity.parse.failed',
    status: 400,
  });

/**
 * The declared body length of a request read ahead: a POST to one of `paths` with a plain
 * `application/json` body of a declared length (no encoding, within the limit); undefined for any
 * other request, which goes to the app untouched.
 */
function aheadLength(req: IncomingMessage, options: ServeAheadOptions): number | undefined {
  if (req.method !== 'POST' || req.url === undefined || !options.paths.has(req.url)) return undefined;
  if (req.headers['content-type'] !== 'application/json' || req.headers['content-encoding'] !== undefined) {
    return undefined;
  }
  const expected = Number(req.headers['content-length']);
  return Number.isInteger(expected) && expected > 0 && expected <= options.limitBytes ? expected : undefined;
}

/**
 * Reads a body of `expected` bytes and parses it as body-parser's strict JSON would: a body that is
 * not JSON (or not an object or array at the top) is body-parser's own `entity.parse.failed` error.
 */
function readJsonBody(
  req: IncomingMessage,
  expected: number,
  done: (error: unknown, body?: unknown) => void,
): void {
  const chunks: Buffer[] = [];
  let settled = false;
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('error', (error) => {
    if (!settled) done(error);
    settled = true;
  });
  req.on('end', () => {
    if (settled) return;
    settled = true;
    const text = Buffer.concat(chunks, expected).toString('utf8');
    let body: unknown;
    try {
      if (!/^\s*[{[]/.test(text)) throw parseFailed();
      body = JSON.parse(text);
    } catch {
      return done(parseFailed());
    }
    done(undefined, body);
  });
}

/** Errors met ahead of the app, raised inside it by {@link aheadErrors}. */
const pending = new WeakMap<IncomingMessage, unknown>();

/**
 * The server's request listener: the hot routes are read and answered before express sees them at
 * all (its request set-up, middleware and router cost more than half of a small request's CPU);
 * every other request, a body the handler declines, and any failure go to `app`, which answers them
 * as it always does. The app must mount {@link aheadErrors} before its routes, so that a body that is
 * not JSON or a handler's failure reaches its own error handler.
 *
 * @example
 * http.createServer(serveAhead(app, { paths: new Set(['/v1/verify']), limitBytes: 131072, handle }))
 */
export function serveAhead(app: RequestListener, options: ServeAheadOptions): RequestListener {
  const toApp = (req: IncomingMessage, res: ServerResponse, body: unknown, error?: unknown) => {
    if (error !== undefined) pending.set(req, error);
    // Set as express's JSON parser would (`_body`: it then leaves the request alone).
    else Object.assign(req, { body, _body: true });
    app(req, res);
  };
  return (req, res) => {
    const expected = aheadLength(req, options);
    if (expected === undefined) return app(req, res);
    readJsonBody(req, expected, (error, body) => {
      if (error !== undefined) return toApp(req, res, undefined, error);
      const answered = options.handle(req, res, body);
      if (answered === false) return toApp(req, res, body);
      answered.catch((failure: unknown) => {
        if (res.headersSent) res.destroy(failure instanceof Error ? failure : undefined);
        else toApp(req, res, body, failure);
      });
    });
  };
}

/** Express middleware raising the error {@link serveAhead} met for this request, if any. */
export function aheadErrors(): RequestHandler {
  return (req, _res, next) => {
    if (!pending.has(req)) return next();
    const error = pending.get(req);
    pending.delete(req);
    next(error);
  };
}
