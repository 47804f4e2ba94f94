import { bodyParserProblem, type ProblemDetail, problemDocument } from '@passage/service-kit';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { STATUS_BY_CODE, VerifierError, type VerifierErrorCode } from '../errors.js';

/** Sends an RFC 9457 problem document carrying our stable `code`. */
export function sendProblem(
  res: Response,
  code: VerifierErrorCode,
  detail: string,
  errors: ProblemDetail[] = [],
): void {
  const status = STATUS_BY_CODE[code];
  res
    .status(status)
    .type('application/problem+json')
    .json(problemDocument(code, status, detail, errors));
}

/** Maps body-parser failures and our errors to problem documents; anything else is a logged 500. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof VerifierError) return sendProblem(res, error.code, error.message, error.details);
    const parser = bodyParserProblem(error);
    if (parser) return sendProblem(res, parser.code, parser.detail);
    logger.error({ err: error }, 'unhandled error');
    sendProblem(res, 'INTERNAL', 'internal error');
  };
}
