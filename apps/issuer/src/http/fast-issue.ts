import { handOn, jsonAhead, setParsedBody } from '@passage/service-kit';
import type { RequestHandler } from 'express';
import type { IssuerService } from '../service/issuer-service.js';
import { typedIssuance } from './routes/issue.js';

/**
 * `POST /v1/vaccination-certificates` and `POST /v1/travel-cards` with a plain `application/json` body
 * and no query, answered ahead of the batch router, express's JSON parser and the route lookup
 * (`jsonAhead`): the same API key check and handler as their routes, errors to the same problem handler.
 */
export function fastIssue(service: IssuerService): RequestHandler {
  const { auth, handlers } = typedIssuance(service);
  return jsonAhead({
    paths: new Set(Object.keys(handlers)),
    limitBytes: 64 * 1024,
    handle(req, res, body, next) {
      const handler = handlers[req.url as keyof typeof handlers];
      if (!handler) return handOn(req, body, next);
      setParsedBody(req, body);
      const run = async () => {
        // The route's own API key check: it calls `next` once the caller is known, or throws.
        let authenticated = false;
        await auth(req, res, (error?: unknown) => {
          if (error) throw error;
          authenticated = true;
        });
        if (authenticated) await handler(req, res);
      };
      run().catch(next);
    },
  });
}
