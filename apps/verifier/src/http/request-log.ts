import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** Logs one line per request: id, method, route, status and duration. Never bodies: they hold personal data. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const id = req.get('x-request-id') ?? randomUUID();
    res.setHeader('x-request-id', id);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const verdict = res.locals.verdict as Record<string, unknown> | undefined;
      logger.info(
        {
          reqId: id,
          method: req.method,
          path: req.route?.path ?? req.path,
          status: res.statusCode,
          ms,
          ...verdict,
        },
        'request',
      );
    });
    next();
  };
}
