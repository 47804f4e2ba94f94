import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createWalletApp } from './app.js';

const app = createWalletApp({ logger: pino({ level: 'silent' }) });

describe('the wallet server', () => {
  it('serves the page, built when needed, with its manifest and service worker', async () => {
    const page = await request(app).get('/').expect(200);
    expect(page.text).toContain('data-testid="offer-input"');
    await request(app).get('/manifest.webmanifest').expect(200);
    const worker = await request(app).get('/sw.js').expect(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
  });

  it('lets the page run only its own scripts and never be framed', async () => {
    const res = await request(app).get('/healthz').expect(200);
    const policy = res.headers['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('answers an unknown path with a problem document', async () => {
    const res = await request(app).get('/no-such-file').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
