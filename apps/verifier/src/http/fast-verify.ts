import type { Request, RequestHandler, Response } from 'express';
import { quickVerifyRequest, type VerifyRequest } from './requests.js';

/** The same bound as the app's JSON parser. */
const LIMIT_BYTES = 128 * 1024;

/** An error body-parser would have raised for this body, so the problem handler answers the same. */
const parseFailed = () =>
  Object.assign(new Error('the request body is not valid JSON'), {
    type: 'entity.parse.failed',
    status: 400,
  });

/**
 * The scanner's request, `POST /v1/verify` with a plain `application/json` `{ qr, economy }` body of a
 * declared length, read and answered here ahead of express's JSON parser and router, which cost a
 * third of such a request's CPU (docs/benchmarks.md, HTTP). Any other request, and any other body
 * shape, goes on through express as before: a body read here is handed on parsed (`req._body`, which
 * body-parser honours), and JSON that does not parse becomes body-parser's own `entity.parse.failed`.
 */
export function fastVerify(answer: (res: Response, body: VerifyRequest) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    if (!takes(req)) return next();
    const expected = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', next);
    req.on('end', () => {
      const text = Buffer.concat(chunks, expected).toString('utf8');
      let body: unknown;
      try {
        // As body-parser's strict mode: only an object or an array at the top.
        if (!/^[\s]*[{[]/.test(text)) throw parseFailed();
        body = JSON.parse(text);
      } catch {
        return next(parseFailed());
      }
      const quick = quickVerifyRequest(body);
      if (!quick) {
        Object.assign(req, { body, _body: true });
        return next();
      }
      answer(res, quick).catch(next);
    });
  };
}

function takes(req: Request): boolean {
  if (req.method !== 'POST' || req.url !== '/v1/verify') return false;
  if (req.headers['content-type'] !== 'application/json' || req.headers['content-encoding'] !== undefined) {
    return false;
  }
  const length = Number(req.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= LIMIT_BYTES;
}
