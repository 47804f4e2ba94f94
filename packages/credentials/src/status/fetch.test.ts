import { describe, expect, it } from 'vitest';
import { fetchStatusList, isFetchableUrl } from './fetch.js';

const url = 'https://issuer.example/status-lists/r1';
const jws = 'eyJhbGciOiJFUzI1NiJ9.eyJ4IjoxfQ.c2ln';
const answering = (response: () => Response) => (async () => response()) as typeof globalThis.fetch;
const options = { timeoutMs: 1000, maxBytes: 1024 };

describe('fetchStatusList', () => {
  it('answers the JWS and its ETag', async () => {
    const fetch = answering(() => new Response(`${jws}\n`, { headers: { etag: '"1"' } }));
    expect(await fetchStatusList(url, { ...options, fetch })).toEqual({ kind: 'ok', jws, etag: '"1"' });
  });

  it('answers not-modified for a 304 to a conditional GET', async () => {
    const fetch = answering(() => new Response(null, { status: 304 }));
    expect(await fetchStatusList(url, { ...options, fetch, etag: '"1"' })).toEqual({ kind: 'not-modified' });
  });

  it('reports a server error', async () => {
    const fetch = answering(() => new Response('no', { status: 404 }));
    expect(await fetchStatusList(url, { ...options, fetch })).toMatchObject({ kind: 'error' });
  });

  it('refuses a body that is not a compact JWS', async () => {
    const fetch = answering(() => new Response('{"type":"VerifiableCredential"}'));
    expect(await fetchStatusList(url, { ...options, fetch })).toMatchObject({ kind: 'error' });
  });

  it('refuses a body larger than maxBytes, declared or streamed', async () => {
    const big = `${jws}${'A'.repeat(2000)}`;
    const declared = answering(
      () => new Response(big, { headers: { 'content-length': String(big.length) } }),
    );
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = answering(() => new Response(stream));
    expect(await fetchStatusList(url, { ...options, fetch: declared })).toEqual({
      kind: 'error',
      message: 'the status list response is too large',
    });
    expect(await fetchStatusList(url, { ...options, fetch: streamed })).toEqual({
      kind: 'error',
      message: 'the status list response is too large',
    });
  });

  it('gives up after the timeout', async () => {
    const fetch = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof globalThis.fetch;
    const result = await fetchStatusList(url, { ...options, timeoutMs: 20, fetch });
    expect(result).toEqual({ kind: 'error', message: 'the status list request timed out' });
  });

  it('never requests a URL that is not http(s)', async () => {
    let called = false;
    const fetch = answering(() => {
      called = true;
      return new Response(jws);
    });
    expect(await fetchStatusList('ftp://issuer.example/list', { ...options, fetch })).toMatchObject({
      kind: 'error',
    });
    expect(called).toBe(false);
    expect(isFetchableUrl('https://user:pw@issuer.example/list')).toBe(false);
  });
});
