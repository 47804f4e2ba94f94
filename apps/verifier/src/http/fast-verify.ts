import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AheadHandler, requestIdOf, sendJson } from '@passage/service-kit';
import type { Logger } from 'pino';
import type { VerifierAnswer } from '../verify-service.js';
import { logRequest } from './request-log.js';
import { type QuickVerifyRequest, quickVerifyRequest } from './requests.js';

/**
 * Answers the scanner's request, `POST /v1/verify` with a plain `application/json` `{ qr, economy }`
 * body, ahead of express (`serveAhead`): the answer, `x-request-id` and log line the app's route
 * gives. Any other body shape is declined and goes to the app, already parsed; a failure before the
 * answer goes to the app's problem handler.
 */
export function answerAhead(
  logger: Logger,
  verify: (body: QuickVerifyRequest) => Promise<VerifierAnswer>,
  verdictOf: (answer: VerifierAnswer) => Record<string, unknown>,
): AheadHandler {
  const answer = async (req: IncomingMessage, res: ServerResponse, body: QuickVerifyRequest) => {
    const started = process.hrtime.bigint();
    const result = await verify(body);
    const reqId = requestIdOf(req, res);
    sendJson(res, 200, result);
    const line = { reqId, method: req.method, path: '/v1/verify', status: 200, started };
    logRequest(logger, line, verdictOf(result));
  };
  return (req, res, body) => {
    const quick = quickVerifyRequest(body);
    return quick ? answer(req, res, quick) : false;
  };
}
