import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** One log line per request: id, method, route, status, time, and ids only (never bodies: they hold personal data). */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const reqId = req.get('x-request-id') ?? randomUUID();
    res.setHeader('x-request-id', reqId);
    res.on('finish', () => {
      logger.info(
        {
          reqId,
          method: req.method,
          route: req.route?.path ?? req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          authority: res.locals.authority,
          credentialId: res.locals.credentialId,
        },
        'request',
      );
    });
    next();
  };
}
