import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { STATUS_BY_CODE, VerifierError, type VerifierErrorCode } from '../errors.js';

/** Sends an RFC 9457 problem document carrying our stable `code`. */
export function sendProblem(
  res: Response,
  code: VerifierErrorCode,
  detail: string,
  errors: { path: string; message: string }[] = [],
): void {
  const status = STATUS_BY_CODE[code];
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

/** Maps body-parser failures and our errors to problem documents; anything else is a logged 500. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof VerifierError) {
      sendProblem(res, error.code, error.message, error.details);
      return;
    }
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.parse.failed') {
      sendProblem(res, 'MALFORMED_INPUT', 'request body is not valid JSON');
      return;
    }
    if (type === 'entity.too.large') {
      sendProblem(res, 'PAYLOAD_TOO_LARGE', 'request body is too large');
      return;
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      sendProblem(res, 'UNSUPPORTED_MEDIA_TYPE', 'request body encoding is not supported');
      return;
    }
    logger.error({ err: error }, 'unhandled error');
    sendProblem(res, 'INTERNAL', 'internal error');
  };
}
