import { exampleRuleSet, signRuleSet } from '@passage/rules';
import { createTrustList, generateOperatorKey, signTrustList } from '@passage/trust';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../bundle/bundle.js';
import { createVerifierData } from '../../data.js';
import { createVerifierApp } from '../app.js';

const now = new Date('2024-06-01T10:00:00Z');
const signedAt = new Date('2024-05-30T00:00:00Z');
const operator = generateOperatorKey();
const logger = pino({ level: 'silent' });
const blocked: typeof fetch = async () => {
  throw new Error('the network is blocked');
};

/** A verifier holding a signed trust list and entry rules, as if loaded from a bundle. */
function signedApp() {
  const data = createVerifierData({
    operatorKeys: [operator.publicJwk],
    network: false,
    fetch: blocked,
    now: () => now,
  });
  const loaded = data.loadBundle({
    type: 'PassageOfflineBundle',
    createdAt: signedAt.toISOString(),
    trustList: signTrustList(createTrustList('Test operator', signedAt), operator.privateJwk, {
      now: signedAt,
    }),
    rules: signRuleSet(exampleRuleSet, operator.privateJwk, { now: signedAt }),
    statusLists: [],
    didDocuments: [],
  });
  expect(loaded.trustList.ok).toBe(true);
  return createVerifierApp({ data, logger, now: () => now });
}

describe('GET /v1/bundle', () => {
  it('answers the data held as a bundle another verifier accepts', async () => {
    const res = await request(signedApp()).get('/v1/bundle').expect(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const bundle = parseBundle(res.text);
    expect(bundle.rules).toBeDefined();
    const other = createVerifierData({ operatorKeys: [operator.publicJwk], network: false, now: () => now });
    const loaded = other.loadBundle(bundle);
    expect(loaded.trustList.ok).toBe(true);
    expect(loaded.rules?.ok).toBe(true);
  });

  it('answers 304 to its own ETag while the data is unchanged', async () => {
    const app = signedApp();
    const first = await request(app).get('/v1/bundle').expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    await request(app).get('/v1/bundle').set('If-None-Match', String(etag)).expect(304);
  });

  it('is NOT_FOUND while no signed trust list is held', async () => {
    const res = await request(createVerifierApp({ logger })).get('/v1/bundle').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('GET /v1/operator-keys', () => {
  it('answers the pinned keys', async () => {
    const res = await request(signedApp()).get('/v1/operator-keys').expect(200);
    expect(res.body.keys).toEqual([operator.publicJwk]);
    expect(res.body.keys[0].d).toBeUndefined();
  });
});

describe('/officer/', () => {
  const app = createVerifierApp({ logger });

  it('serves the page, building it when needed', async () => {
    const res = await request(app).get('/officer/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<script type="module" src="./app.js">');
    expect(res.headers['cache-control']).toBe('no-cache');
    // Its own scripts and the decoder's wasm only, no eval, never framed.
    expect(res.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).not.toMatch(/'unsafe-eval'/);
  });

  it('redirects /officer to /officer/ so relative assets resolve', async () => {
    const res = await request(app).get('/officer').expect(301);
    expect(res.headers.location).toBe('/officer/');
  });

  it('serves the decoder, the web verifier and the service worker from the verifier itself', async () => {
    const wasm = await request(app).get('/officer/zxing_reader.wasm').expect(200);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    await request(app)
      .get('/officer/web-verify.js')
      .expect('content-type', /javascript/)
      .expect(200);
    await request(app)
      .get('/officer/sw.js')
      .expect('content-type', /javascript/)
      .expect(200);
    await request(app).get('/officer/manifest.webmanifest').expect(200);
  });

  it('answers problem+json NOT_FOUND for a file the page does not have', async () => {
    const res = await request(app).get('/officer/nothing.js').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
