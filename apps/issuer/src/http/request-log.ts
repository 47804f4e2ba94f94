import { loggedText, requestIdOf } from '@passage/service-kit';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** What one request's log line holds: ids only, never bodies (they hold personal data). */
export interface RequestLine {
  reqId: string;
  method: string | undefined;
  route: string;
  status: number;
  started: bigint;
  authority: unknown;
  credentialId: unknown;
}

/** Writes one request's log line. */
export function logRequest(logger: Logger, line: RequestLine): void {
  const { started, ...fields } = line;
  logger.info({ ...fields, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
}

/** One log line per request: id, method, route, status, time, and ids only (never bodies: they hold personal data). */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const reqId = requestIdOf(req, res);
    res.on('finish', () => {
      logRequest(logger, {
        reqId,
        method: req.method,
        route: loggedText(req.route?.path ?? req.path),
        status: res.statusCode,
        started,
        authority: res.locals.authority,
        credentialId: loggedText(res.locals.credentialId),
      });
    });
    next();
  };
}
