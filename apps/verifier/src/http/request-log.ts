import { loggedText, requestIdOf } from '@passage/service-kit';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** The one log line of a request: id, method, route, status, duration and verdict. Never bodies. */
export function logRequest(
  logger: Logger,
  line: { reqId: string; method: string | undefined; path: string; status: number; started: bigint },
  verdict: Record<string, unknown> | undefined,
): void {
  const { started, ...fields } = line;
  logger.info({ ...fields, ms: Number(process.hrtime.bigint() - started) / 1e6, ...verdict }, 'request');
}

/** Logs one line per request: id, method, route, status and duration. Never bodies: they hold personal data. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const reqId = requestIdOf(req, res);
    res.on('finish', () => {
      const path = loggedText(req.route?.path ?? req.path);
      const verdict = res.locals.verdict as Record<string, unknown> | undefined;
      logRequest(logger, { reqId, method: req.method, path, status: res.statusCode, started }, verdict);
    });
    next();
  };
}
