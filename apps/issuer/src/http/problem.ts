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
    .json({
      type: `https://w3id.org/passage/problems/${code.toLowerCase().replaceAll('_', '-')}`,
      title: code,
      status,
      detail,
      code,
      ...(errors.length > 0 ? { errors } : {}),
    });
}

const BODY_PARSER_CODES: Record<string, IssuerErrorCode> = {
  'entity.parse.failed': 'MALFORMED_INPUT',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
};

/** Turns thrown errors into problem documents. Anything unexpected is logged and answered as a bare 500. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (isIssuerError(error)) return sendProblem(res, error.code, error.message, error.details);
    if (isIssuerDbError(error, 'AUTHORITY_EXISTS'))
      return sendProblem(res, 'AUTHORITY_EXISTS', 'the authority exists');
    const type = (error as { type?: unknown } | null)?.type;
    const code = typeof type === 'string' ? BODY_PARSER_CODES[type] : undefined;
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
