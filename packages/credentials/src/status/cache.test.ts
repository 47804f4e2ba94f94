import { beforeAll, describe, expect, it } from 'vitest';
import { getStatusBit } from './bits.js';
import { createStatusListCache, type StatusListCacheOptions } from './cache.js';
import { type StatusAuthority, signedStatusList, statusAuthority } from './fixtures.js';

const url = 'http://127.0.0.1:4001/status-lists/r1';
const start = Date.parse('2025-06-01T00:00:00Z');
let authority: StatusAuthority;
let listV1: string;
let listV2: string;

beforeAll(async () => {
  authority = await statusAuthority();
  listV1 = await signedStatusList(authority, { url, ttlMs: 60_000 });
  listV2 = await signedStatusList(authority, {
    url,
    set: [7],
    ttlMs: 60_000,
    validFrom: '2025-05-01T00:00:00Z',
  });
});

/** A fake status list server: `answer` decides each response; requests are recorded. */
function server(answer: () => Response | Promise<Response>) {
  const requests: Headers[] = [];
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    requests.push(new Headers(init?.headers));
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const ok = (jws: string, etag = '"v1"') => new Response(jws, { status: 200, headers: { etag } });

function cacheWith(fetch: typeof globalThis.fetch, extra: StatusListCacheOptions = {}) {
  const clock = { now: start };
  const cache = createStatusListCache({ fetch, now: () => clock.now, ...extra });
  return { cache, clock };
}

/** A cache whose server answers `answers` in turn (the last one from then on), prefetched twice `advanceMs` apart. */
async function prefetchedTwice(
  answers: (() => Response)[],
  advanceMs = 61_000,
  extra: StatusListCacheOptions = {},
) {
  let calls = 0;
  const srv = server(() => (answers[Math.min(calls++, answers.length - 1)] ?? (() => ok('x')))());
  const { cache, clock } = cacheWith(srv.fetch, extra);
  await cache.prefetch([url], authority.trust);
  clock.now += advanceMs;
  await cache.prefetch([url], authority.trust);
  return { cache, clock, srv };
}

describe('status list cache', () => {
  it('fetches a list once and answers peeks from memory within its ttl', async () => {
    const srv = server(() => ok(listV1));
    const { cache, clock } = cacheWith(srv.fetch);
    await cache.prefetch([url], authority.trust);
    clock.now += 30_000;
    await cache.prefetch([url], authority.trust);
    const view = cache.peek(url);
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]?.get('accept')).toBe('application/vc+jwt');
    expect(view).toMatchObject({ source: 'network', stale: false, ageSeconds: 30, fetchedAt: start });
    expect(view.snapshot?.issuer).toBe(authority.did);
  });

  it('revalidates after the ttl with If-None-Match, and a 304 resets freshness', async () => {
    const { cache, clock, srv } = await prefetchedTwice([
      () => ok(listV1),
      () => new Response(null, { status: 304 }),
    ]);
    expect(srv.requests[1]?.get('if-none-match')).toBe('"v1"');
    expect(cache.peek(url)).toMatchObject({ source: 'network', stale: false, fetchedAt: clock.now });
  });

  it('replaces the list when the server has a new version', async () => {
    const { cache } = await prefetchedTwice([() => ok(listV1), () => ok(listV2, '"v2"')]);
    const bits = cache.peek(url).snapshot?.bits;
    expect(bits && getStatusBit(bits, 7)).toBe(true);
  });

  it('keeps the last good copy when a refresh fails, saying how old it is', async () => {
    const down = () => new Response('down', { status: 503 });
    const { cache, srv } = await prefetchedTwice([() => ok(listV1), down], 120_000);
    await cache.prefetch([url], authority.trust);
    expect(srv.requests).toHaveLength(2);
    const view = cache.peek(url);
    expect(view).toMatchObject({ source: 'cache', stale: true, ageSeconds: 120, fetchedAt: start });
    expect(view.snapshot).toBeDefined();
  });

  it('keeps the last good copy when the fetched list is refused', async () => {
    const other = await statusAuthority('https://other.example');
    const forged = await signedStatusList(other, { url, set: [0] });
    const { cache } = await prefetchedTwice([() => ok(listV1), () => ok(forged)]);
    expect(cache.peek(url).snapshot?.issuer).toBe(authority.did);
  });

  it('refuses a fetched list older than the copy held (rollback)', async () => {
    const { cache } = await prefetchedTwice([() => ok(listV2), () => ok(listV1)]);
    const bits = cache.peek(url).snapshot?.bits;
    expect(bits && getStatusBit(bits, 7)).toBe(true);
  });

  it('stops using a last good copy older than maxStaleSec', async () => {
    const down = () => new Response(null, { status: 500 });
    const { cache } = await prefetchedTwice([() => ok(listV1), down], 3601_000, { maxStaleSec: 3600 });
    const view = cache.peek(url);
    expect(view.snapshot).toBeUndefined();
    expect(view).toMatchObject({ stale: true, ageSeconds: 3601 });
  });

  it('makes one request per URL however many verifications wait for it', async () => {
    const srv = server(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return ok(listV1);
    });
    const { cache } = cacheWith(srv.fetch);
    await Promise.all([1, 2, 3].map(() => cache.prefetch([url, url], authority.trust)));
    expect(srv.requests).toHaveLength(1);
  });

  it('never fetches a URL that is not http(s)', async () => {
    const srv = server(() => ok(listV1));
    const { cache } = cacheWith(srv.fetch);
    await cache.prefetch(['file:///etc/passwd'], authority.trust);
    expect(srv.requests).toHaveLength(0);
    expect(cache.peek('file:///etc/passwd').snapshot).toBeUndefined();
  });

  it('evicts the least recently used list beyond maxLists', async () => {
    const urls = ['a', 'b', 'c'].map((id) => `http://127.0.0.1:4001/status-lists/${id}`);
    const lists = new Map<string, string>();
    for (const u of urls) lists.set(u, await signedStatusList(authority, { url: u }));
    const { cache } = cacheWith(async () => ok('x'), { network: false, maxLists: 2 });
    for (const u of urls)
      cache.load(u, lists.get(u) ?? '', { fetchedAt: new Date(start), trust: authority.trust });
    expect(cache.export().map((e) => e.url)).toEqual(urls.slice(1));
  });

  it('counts a read as a use: the list read last is kept, the one read least recently evicted', async () => {
    const urls = ['a', 'b', 'c'].map((id) => `http://127.0.0.1:4001/status-lists/${id}`);
    const { cache } = cacheWith(async () => ok('x'), { network: false, maxLists: 2 });
    const load = async (u: string) =>
      cache.load(u, await signedStatusList(authority, { url: u }), {
        fetchedAt: new Date(start),
        trust: authority.trust,
      });
    await load(urls[0] ?? '');
    await load(urls[1] ?? '');
    expect(cache.peek(urls[0] ?? '').snapshot).toBeDefined(); // a is now more recent than b
    await load(urls[2] ?? '');
    expect(cache.export().map((e) => e.url)).toEqual([urls[0], urls[2]]);
    expect(cache.peek(urls[1] ?? '').problem).toBe('no copy of the status list is held');
  });

  it('works offline from loaded bundle lists and exports them', async () => {
    const srv = server(() => ok(listV1));
    const { cache, clock } = cacheWith(srv.fetch, { network: false });
    const loaded = cache.load(url, listV1, {
      source: 'bundle',
      fetchedAt: '2025-05-31T00:00:00Z',
      trust: authority.trust,
    });
    expect(loaded).toEqual({ ok: true });
    clock.now += 1000;
    await cache.prefetch([url], authority.trust);
    expect(srv.requests).toHaveLength(0);
    expect(cache.peek(url)).toMatchObject({ source: 'bundle', stale: true, ageSeconds: 86_401 });
    expect(cache.export()).toEqual([{ url, jws: listV1, fetchedAt: '2025-05-31T00:00:00.000Z' }]);
    expect(cache.peek('http://127.0.0.1:4001/status-lists/none')).toMatchObject({ source: 'bundle' });
  });

  it('refuses to load a list its issuer did not sign', async () => {
    const other = await statusAuthority('https://other.example');
    const { cache } = cacheWith(async () => ok('x'), { network: false });
    const forged = await signedStatusList(other, { url });
    const loaded = cache.load(url, forged, { fetchedAt: new Date(start), trust: authority.trust });
    expect(loaded).toMatchObject({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
    expect(cache.peek(url).snapshot).toBeUndefined();
  });
});
