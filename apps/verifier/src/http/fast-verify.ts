import { handOn, jsonAhead } from '@passage/service-kit';
import type { RequestHandler, Response } from 'express';
import { quickVerifyRequest, type VerifyRequest } from './requests.js';

/**
 * The scanner's request, `POST /v1/verify` with a plain `application/json` `{ qr, economy }` body,
 * answered ahead of express's JSON parser and router (`jsonAhead`); any other body shape goes on
 * through express, already parsed.
 */
export function fastVerify(answer: (res: Response, body: VerifyRequest) => Promise<void>): RequestHandler {
  return jsonAhead({
    paths: new Set(['/v1/verify']),
    limitBytes: 128 * 1024,
    handle(req, res, body, next) {
      const quick = quickVerifyRequest(body);
      if (!quick) return handOn(req, body, next);
      answer(res, quick).catch(next);
    },
  });
}
