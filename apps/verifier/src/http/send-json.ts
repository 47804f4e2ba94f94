import type { ServerResponse } from 'node:http';

/**
 * Sends `value` as JSON in one write: the same body and content type as `res.json`, without the ETag
 * express would hash the body for (a verification answer is never revalidated) and without handing
 * the socket the headers and the body as two buffers.
 */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
