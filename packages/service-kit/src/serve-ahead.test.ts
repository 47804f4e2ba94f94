import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { aheadErrors, serveAhead } from './serve-ahead.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function listen(listener: RequestListener): Promise<string> {
  server = createServer(listener);
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An app that says who answered, and what body and error it saw. */
function appBehind(seen: string[]) {
  const app = express();
  app.use(aheadErrors());
  app.use(express.json());
  app.post('/hot', (req, res) => {
    seen.push('app');
    res.json({ by: 'app', body: req.body as unknown });
  });
  const onError: ErrorRequestHandler = (error: { status?: number; message?: string }, _req, res, _next) => {
    res.status(error.status ?? 500).json({ error: error.message });
  };
  app.use(onError);
  return app;
}

const post = (url: string, body: string, type = 'application/json') =>
  fetch(`${url}/hot`, { method: 'POST', headers: { 'content-type': type }, body });

describe('serveAhead', () => {
  it('answers a hot route itself, and hands declined bodies, other types and routes to the app', async () => {
    const seen: string[] = [];
    const url = await listen(
      serveAhead(appBehind(seen), {
        paths: new Set(['/hot']),
        limitBytes: 1024,
        handle: (_req, res, body) => {
          if ((body as { take?: boolean }).take !== true) return false;
          seen.push('ahead');
          res.end(JSON.stringify({ by: 'ahead' }));
          return Promise.resolve();
        },
      }),
    );
    expect(await (await post(url, '{"take":true}')).json()).toEqual({ by: 'ahead' });
    expect(await (await post(url, '{"take":false}')).json()).toEqual({ by: 'app', body: { take: false } });
    const charset = await post(url, '{"take":true}', 'application/json; charset=utf-8');
    expect(await charset.json()).toEqual({ by: 'app', body: { take: true } });
    expect(seen).toEqual(['ahead', 'app', 'app']);
  });

  it("a body that is not JSON, or a handler that fails before answering, reaches the app's error handler", async () => {
    const url = await listen(
      serveAhead(appBehind([]), {
        paths: new Set(['/hot']),
        limitBytes: 1024,
        handle: () => Promise.reject(new Error('broken')),
      }),
    );
    const notJson = await post(url, '{"take":');
    expect(notJson.status).toBe(400);
    const failed = await post(url, '{"take":true}');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: 'broken' });
  });

  it('leaves a body over the limit to the app, which refuses it', async () => {
    let called = false;
    const url = await listen(
      serveAhead(appBehind([]), {
        paths: new Set(['/hot']),
        limitBytes: 8,
        handle: () => {
          called = true;
          return false;
        },
      }),
    );
    const res = await post(url, JSON.stringify({ take: true, pad: 'x'.repeat(200_000) }));
    expect(res.status).toBe(413);
    expect(called).toBe(false);
  });
});
