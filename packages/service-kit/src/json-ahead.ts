import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** An error body-parser would have raised for a body that is not JSON, so problem handlers answer alike. */
const parseFailed = () =>
  Object.assign(new Error('the request body is not valid JSON'), {
    type: 'entity.parse.failed',
    status: 400,
  });

/** Which requests are read ahead of express: POSTs to exact URLs with a plain JSON body. */
export interface AheadRoutes {
  /** Exact request URLs (no query string) of POST requests it takes. */
  paths: ReadonlySet<string>;
  /** The largest body it reads: the same bound as the app's JSON parser. */
  limitBytes: number;
}

/** Which requests {@link jsonAhead} reads, and what answers them. */
export interface JsonAheadOptions extends AheadRoutes {
  /**
   * Answers with the parsed body. To hand the request on to express instead, set `req.body` and
   * `req._body` (body-parser then leaves it) and call `next()`.
   */
  handle: (req: Request, res: Response, body: unknown, next: NextFunction) => void;
}

/**
 * The declared body length of a request read ahead: a POST to one of `paths` with a plain
 * `application/json` body of a declared length (no encoding, within the limit); undefined for any
 * other request, which goes through express untouched.
 */
export function aheadLength(req: IncomingMessage, routes: AheadRoutes): number | undefined {
  if (req.method !== 'POST' || req.url === undefined || !routes.paths.has(req.url)) return undefined;
  if (req.headers['content-type'] !== 'application/json' || req.headers['content-encoding'] !== undefined) {
    return undefined;
  }
  const expected = Number(req.headers['content-length']);
  return Number.isInteger(expected) && expected > 0 && expected <= routes.limitBytes ? expected : undefined;
}

/**
 * Reads a body of `expected` bytes and parses it as body-parser's strict JSON would: a body that is
 * not JSON (or not an object or array at the top) is body-parser's own `entity.parse.failed` error.
 */
export function readJsonBody(
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

/**
 * Reads a hot route's body ahead of express's JSON parser and router, as express middleware (see
 * {@link aheadLength}). Anything else goes on through express untouched.
 */
export function jsonAhead(options: JsonAheadOptions): RequestHandler {
  return (req, res, next) => {
    const expected = aheadLength(req, options);
    if (expected === undefined) return next();
    readJsonBody(req, expected, (error, body) => {
      if (error !== undefined) return next(error);
      options.handle(req, res, body, next);
    });
  };
}

/** Sets a body read ahead as express's JSON parser would (`_body`: it then leaves it). */
export function setParsedBody(req: IncomingMessage, body: unknown): void {
  Object.assign(req, { body, _body: true });
}

/** Hands a body read by {@link jsonAhead} on to express as if its JSON parser had read it. */
export function handOn(req: Request, body: unknown, next: NextFunction): void {
  setParsedBody(req, body);
  next();
}
