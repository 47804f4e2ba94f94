import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { IssuerError } from '../errors.js';
import type { Caller } from '../service/context.js';
import type { IssuerService } from '../service/issuer-service.js';

/** The API key a request presents: `Authorization: Bearer psk_…` or `X-API-Key: psk_…`. */
export function presentedKey(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match?.[1];
  }
  const apiKey = req.headers['x-api-key'];
  return (typeof apiKey === 'string' ? apiKey.trim() : undefined) || undefined;
}

/** Requires a valid API key and puts its caller in `res.locals.caller`; 401 UNAUTHORIZED otherwise. */
export function requireApiKey(service: IssuerService): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const key = presentedKey(req);
    const caller = key === undefined ? undefined : await service.authenticate(key);
    if (!caller) throw new IssuerError('UNAUTHORIZED', 'a valid API key is required');
    res.locals.caller = caller;
    res.locals.authority = caller.authority.id;
    next();
  };
}

/** The caller {@link requireApiKey} authenticated. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new IssuerError('UNAUTHORIZED', 'a valid API key is required');
  return caller;
}
