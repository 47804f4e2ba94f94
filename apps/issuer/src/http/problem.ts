import { bodyParserCode, problemDocument } from '@passage/service-kit';
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
    const code = bodyParserCode(error);
    if (code)
      return sendProblem(
        res,
        code,
        code === 'MALFORMED_INPUT' ? 'the body is not valid JSON' : 'the body cannot be read',
      );
    logger.error({ err: error }, 'unhandled error');
    sendProblem(res, 'INTERNAL', 'internal error');
  };
}
