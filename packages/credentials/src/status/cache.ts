import { isCredentialError } from '../errors.js';
import type { StatusSource } from '../report.js';
import type { TrustStore } from '../trust/trust-store.js';
import { fetchStatusList, isFetchableUrl } from './fetch.js';
import {
  MAX_STATUS_LIST_JWS_LENGTH,
  type StatusListSnapshot,
  verifyStatusListCredential,
} from './list-credential.js';

/** What a verifier holds for one list URL, as a status check sees it. */
export interface StatusListView {
  /** The verified list, absent when none is usable (`problem` says why). */
  snapshot?: StatusListSnapshot;
  source: StatusSource;
  /** When the copy was fetched or last confirmed unchanged (epoch ms). */
  fetchedAt?: number;
  ageSeconds?: number;
  /** True once the copy is older than its `ttl`. */
  stale: boolean;
  problem?: string;
}

/** The synchronous side of a status list source: what verification reads. Never fetches. */
export interface StatusLookup {
  peek(url: string): StatusListView;
}

/** A status list cache: synchronous lookups, asynchronous fetching. */
export interface StatusListCache extends StatusLookup {
  /** Fetches the lists among `urls` that are missing or past their `ttl`, verified against `trust`. */
  prefetch(urls: Iterable<string>, trust: TrustStore): Promise<void>;
  /** Seeds a list (from an offline bundle); refused lists are reported and not kept. */
  load(url: string, jws: string, options: StatusListLoadOptions): StatusListLoadResult;
  /** The lists held, for writing an offline bundle. */
  export(): { url: string; jws: string; fetchedAt: string }[];
}

/** How a seeded list is described and checked. */
export interface StatusListLoadOptions {
  source?: 'bundle' | 'network';
  /** When the list was fetched by whoever wrote the bundle. */
  fetchedAt: string | Date;
  trust: TrustStore;
}

export type StatusListLoadResult = { ok: true } | { ok: false; code: string; message: string };

/** Limits and policy of a cache; every field has a default. */
export interface StatusListCacheOptions {
  /** False for offline use: `prefetch` never fetches, only loaded lists are used. Default: true. */
  network?: boolean;
  fetch?: typeof globalThis.fetch;
  /** The clock, epoch ms. Default: `Date.now`. */
  now?: () => number;
  /** A last good copy older than this is not used (STATUS_UNAVAILABLE). Default: 7 days. */
  maxStaleSec?: number;
  /** Refresh interval for lists naming no `ttl`. Default: 5 minutes. */
  defaultTtlMs?: number;
  /** Floor under a list's `ttl`, so a tiny one cannot make every verification fetch. Default: 1 s. */
  minTtlMs?: number;
  /** After a failed fetch, wait this long before trying that URL again. Default: 30 s. */
  retryAfterMs?: number;
  timeoutMs?: number;
  /** Largest response accepted, in bytes. Default: the largest status list JWS read. */
  maxResponseBytes?: number;
  /** How many lists (and failed URLs) are remembered, least recently used evicted first. Default: 256. */
  maxLists?: number;
  /** Bound on the bytes held (bitstrings plus JWSs), least recently used evicted first. Default: 64 MiB. */
  maxTotalBytes?: number;
  /** At most this many lists are fetched per `prefetch`. Default: 8. */
  maxListsPerPrefetch?: number;
}

interface Held {
  snapshot?: StatusListSnapshot;
  origin: 'network' | 'bundle';
  fetchedAt: number;
  etag?: string;
  failedAt?: number;
  problem?: string;
  /** When it was last stored or read, on the cache's own use counter: the least recent goes first. */
  usedAt?: number;
}

/** What `prefetch` answers when it has nothing to fetch: one settled promise, not a new one per call. */
const DONE: Promise<void> = Promise.resolve();

/** Seven days: how long a verifier may go on using a status list it could not refresh. */
export const DEFAULT_STATUS_MAX_STALE_SEC = 7 * 24 * 3600;

/**
 * A bounded, process-wide cache of verified status lists for verifiers. `prefetch` (async) brings
 * lists up to date before the synchronous checks `peek` into them; a list is re-fetched after its
 * `ttl` with a conditional GET, one request per URL at a time, and the last good copy is kept when a
 * fetch fails or a fetched list is refused.
 *
 * @example
 * const lists = createStatusListCache({ maxStaleSec: 86_400 });
 * await lists.prefetch(urls, trust);
 * verifyCredentialDetailed(jws, { trust, status: lists });
 */
export function createStatusListCache(options: StatusListCacheOptions = {}): StatusListCache {
  const clock = options.now ?? Date.now;
  const network = options.network ?? true;
  const maxStaleMs = (options.maxStaleSec ?? DEFAULT_STATUS_MAX_STALE_SEC) * 1000;
  const maxLists = options.maxLists ?? 256;
  const maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
  const held = new Map<string, Held>();
  const inflight = new Map<string, Promise<void>>();
  let totalBytes = 0;

  const sizeOf = (entry: Held | undefined) =>
    entry?.snapshot ? entry.snapshot.bits.length + entry.snapshot.jws.length : 0;
  // Recency is a counter stamped on the entry, so a read (`peek`, once per status entry verified)
  // touches no map; the scan for the least recently used runs only when storing goes over a bound.
  let uses = 0;
  const forget = (url: string) => {
    totalBytes -= sizeOf(held.get(url));
    held.delete(url);
  };
  const leastRecentlyUsed = (except: string): string | undefined => {
    let oldest: string | undefined;
    let oldestUse = Number.POSITIVE_INFINITY;
    for (const [url, entry] of held) {
      if (url !== except && (entry.usedAt ?? 0) < oldestUse) {
        oldest = url;
        oldestUse = entry.usedAt ?? 0;
      }
    }
    return oldest;
  };
  const remember = (url: string, entry: Held) => {
    forget(url);
    entry.usedAt = ++uses;
    held.set(url, entry);
    totalBytes += sizeOf(entry);
    while (held.size > maxLists || totalBytes > maxTotalBytes) {
      const oldest = leastRecentlyUsed(url);
      if (oldest === undefined) break;
      forget(oldest);
    }
  };
  const ttlOf = (snapshot: StatusListSnapshot) =>
    Math.max(snapshot.ttlMs ?? options.defaultTtlMs ?? 300_000, options.minTtlMs ?? 1000);
  const fail = (url: string, now: number, problem: string) => {
    const previous = held.get(url);
    remember(url, { ...(previous ?? { origin: 'network', fetchedAt: now }), failedAt: now, problem });
  };
  const accept = (
    url: string,
    snapshot: StatusListSnapshot,
    entry: Omit<Held, 'snapshot'>,
  ): string | undefined => {
    const previous = held.get(url)?.snapshot;
    if (previous?.validFrom !== undefined && (snapshot.validFrom ?? 0) < previous.validFrom) {
      return 'the status list is older than the copy held';
    }
    remember(url, { ...entry, snapshot });
    return undefined;
  };

  const refresh = async (url: string, trust: TrustStore): Promise<void> => {
    const previous = held.get(url);
    const etag = previous?.snapshot && previous.origin === 'network' ? previous.etag : undefined;
    const result = await fetchStatusList(url, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeoutMs: options.timeoutMs ?? 5000,
      maxBytes: options.maxResponseBytes ?? MAX_STATUS_LIST_JWS_LENGTH,
      ...(etag === undefined ? {} : { etag }),
    });
    const now = clock();
    if (result.kind === 'error') return fail(url, now, result.message);
    if (result.kind === 'not-modified') {
      if (!previous?.snapshot) return fail(url, now, 'the status list server answered 304 for no copy');
      return remember(url, {
        snapshot: previous.snapshot,
        origin: 'network',
        fetchedAt: now,
        ...(etag ? { etag } : {}),
      });
    }
    try {
      const snapshot = verifyStatusListCredential(result.jws, { url, trust, now });
      const refused = accept(url, snapshot, {
        origin: 'network',
        fetchedAt: now,
        ...(result.etag === undefined ? {} : { etag: result.etag }),
      });
      if (refused) fail(url, now, refused);
    } catch (error) {
      if (!isCredentialError(error)) throw error;
      fail(url, now, `the fetched status list was refused: ${error.message}`);
    }
  };

  const needsFetch = (url: string, now: number): boolean => {
    const entry = held.get(url);
    if (entry?.failedAt !== undefined && now - entry.failedAt < (options.retryAfterMs ?? 30_000))
      return false;
    if (!entry?.snapshot) return true;
    return now - entry.fetchedAt >= ttlOf(entry.snapshot);
  };
  // A list held and fresh needs nothing, whatever its URL: no URL parse on the verifier's path.
  const isFresh = (url: string, now: number) =>
    held.get(url)?.snapshot !== undefined && !inflight.has(url) && !needsFetch(url, now);

  const fetchStale = async (urls: readonly string[], trust: TrustStore, now: number): Promise<void> => {
    const wanted = [...new Set(urls)].slice(0, options.maxListsPerPrefetch ?? 8);
    const runs: Promise<void>[] = [];
    for (const url of wanted) {
      if (isFresh(url, now)) continue;
      if (!isFetchableUrl(url)) {
        if (!held.get(url)?.snapshot) fail(url, now, 'the status list URL is not http(s)');
        continue;
      }
      const running = inflight.get(url);
      if (running) runs.push(running);
      else if (needsFetch(url, now)) {
        const run = refresh(url, trust).finally(() => inflight.delete(url));
        inflight.set(url, run);
        runs.push(run);
      }
    }
    await Promise.all(runs);
  };

  return {
    peek(url) {
      const entry = held.get(url);
      if (!entry) {
        return {
          source: network ? 'cache' : 'bundle',
          stale: true,
          problem: 'no copy of the status list is held',
        };
      }
      entry.usedAt = ++uses;
      const { snapshot } = entry;
      if (!snapshot) {
        return {
          source: entry.origin,
          stale: true,
          problem: entry.problem ?? 'the status list is unavailable',
        };
      }
      const now = clock();
      const age = Math.max(0, now - entry.fetchedAt);
      const stale = age > ttlOf(snapshot);
      const source: StatusSource = entry.origin === 'bundle' ? 'bundle' : stale ? 'cache' : 'network';
      const problem =
        age > maxStaleMs
          ? 'the last good copy of the status list is too old'
          : snapshot.validUntil !== undefined && now > snapshot.validUntil
            ? 'the status list has expired'
            : undefined;
      const ageSeconds = Math.floor(age / 1000);
      const { fetchedAt } = entry;
      return problem === undefined
        ? { source, fetchedAt, ageSeconds, stale, snapshot }
        : { source, fetchedAt, ageSeconds, stale, problem };
    },

    prefetch(urls, trust) {
      if (!network) return DONE;
      const now = clock();
      // The verifier's usual case, every list held and fresh: nothing to set up and nothing to await.
      const listed = Array.isArray(urls) ? (urls as readonly string[]) : [...urls];
      return listed.every((url) => isFresh(url, now)) ? DONE : fetchStale(listed, trust, now);
    },

    load(url, jws, { source = 'bundle', fetchedAt, trust }) {
      const at = new Date(fetchedAt).getTime();
      if (Number.isNaN(at))
        return { ok: false, code: 'DECODING_FAILED', message: 'fetchedAt is not a date-time' };
      try {
        const snapshot = verifyStatusListCredential(jws, { url, trust, now: clock() });
        const refused = accept(url, snapshot, { origin: source, fetchedAt: at });
        return refused ? { ok: false, code: 'STATUS_UNAVAILABLE', message: refused } : { ok: true };
      } catch (error) {
        if (!isCredentialError(error)) throw error;
        return { ok: false, code: error.code, message: error.message };
      }
    },

    export() {
      return [...held.entries()].flatMap(([url, entry]) =>
        entry.snapshot
          ? [{ url, jws: entry.snapshot.jws, fetchedAt: new Date(entry.fetchedAt).toISOString() }]
          : [],
      );
    },
  };
}
