import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Sends `value` as JSON in one write: the same body and content type as express's `res.json`, without
 * the ETag express would hash the body for (an answer computed per request is never revalidated) and
 * without handing the socket the headers and the body as two buffers. Works on a plain node:http
 * response, ahead of express, as on express's.
 */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The longest `x-request-id` taken from a caller: it is logged with every line of the request. */
const MAX_REQUEST_ID_LENGTH = 128;

/** The request's `x-request-id` (when it is at most 128 characters), or a new one; set on the answer either way. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id =
    typeof given === 'string' && given !== '' && given.length <= MAX_REQUEST_ID_LENGTH ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}
