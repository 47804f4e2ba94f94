import { bodyParserProblem, problemDocument } from '@passage/service-kit';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { isIssuerDbError } from '../db/index.js';
import { type IssuerErrorCode, isIssuerError, type ProblemDetail, STATUS_BY_CODE } from '../errors.js';

/** Answers an RFC 9457 problem document carrying the stable `code`. */
export function sendProblem(
  res: Response,
  code: IssuerErrorCode,
  detail: string,
  errors: ProblemDetail[] = [],
): void {
  const status = STATUS_BY_CODE[code];
  if (code === 'UNAUTHORIZED') res.setHeader('WWW-Authenticate', 'Bearer realm="passage-issuer"');
  res
    .status(status)
    .type('application/problem+json')
    .json(problemDocument(code, status, detail, errors));
}

/** Turns thrown errors into problem documents. Anything unexpected is logged and answered as a bare 500. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (isIssuerError(error)) return sendProblem(res, error.code, error.message, error.details);
    if (isIssuerDbError(error, 'AUTHORITY_EXISTS'))
      return sendProblem(res, 'AUTHORITY_EXISTS', 'the authority exists');
    const parser = bodyParserProblem(error);
    if (parser) return sendProblem(res, parser.code, parser.detail);
    logger.error({ err: error }, 'unhandled error');
    sendProblem(res, 'INTERNAL', 'internal error');
  };
}
