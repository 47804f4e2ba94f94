import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { type AheadRoutes, aheadLength, readJsonBody, setParsedBody } from './json-ahead.js';

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
export interface ServeAheadOptions extends AheadRoutes {
  handle: AheadHandler;
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
    else setParsedBody(req, body);
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
