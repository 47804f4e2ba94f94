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

/** The longest text a request log line takes from what a caller chose (a path, an id): the rest is cut. */
const MAX_LOGGED_TEXT = 256;

/** `value` for a log line: text cut to {@link MAX_LOGGED_TEXT} characters, anything else as it is. */
export function loggedText<T>(value: T): T | string {
  return typeof value === 'string' && value.length > MAX_LOGGED_TEXT
    ? value.slice(0, MAX_LOGGED_TEXT)
    : value;
}
