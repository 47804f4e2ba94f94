import { readFileSync, statSync } from 'node:fs';
import { createTrustStore, type TrustStore } from '@passage/credentials';
import {
  checkTrustListAcceptable,
  type OperatorPublicJwk,
  type TrustList,
  trustStoreFromList,
} from '@passage/trust';
import type { RemoteOptions } from './remote.js';
import { type DocumentInfo, type DocumentOrigin, type LoadResult, signedSource } from './signed-source.js';
import type { TrustSource } from './trust-source.js';

/** What the verifier holds of its trust list, for reports and /healthz. */
export interface TrustListInfo extends DocumentInfo {
  /** Issuers the list names. */
  entries: number;
  /** The held list is past its `validUntil`: still in force (offline), but the operator should be told. */
  expired: boolean;
}

/** A trust source backed by a signed trust list, refreshed from a URL and/or a file. */
export interface TrustListSource extends TrustSource {
  /** The accepted list in force, if any. */
  list(): TrustList | undefined;
  /** Version, dates, origin and the code of the last refused update; undefined before any list. */
  info(): TrustListInfo | undefined;
  /** Counts the updates offered: what {@link info} says changes only with it, and the clock. */
  revision(): number;
  /** Offers a list (e.g. from an offline bundle); a refused one leaves the held one in force. */
  load(doc: unknown, source: DocumentOrigin, fetchedAt?: Date): LoadResult;
  /** Reads the file and fetches the URL now. */
  refresh(): Promise<LoadResult>;
  /** Refreshes every `intervalMs` (default the configured one) until {@link stop}. */
  start(intervalMs?: number): void;
  stop(): void;
}

/** Where the list comes from and what it must be signed with. */
export interface TrustListSourceOptions {
  /** The operator key(s) the verifier pins (several during a rotation). */
  operatorKey: OperatorPublicJwk | readonly OperatorPublicJwk[];
  url?: string;
  file?: string;
  /** How the URL is fetched: timeout, size bound, fetch implementation (defaults 5 s, 4 MiB). */
  remote?: RemoteOptions;
  /** Time between two refreshes once started (default 5 minutes). */
  refreshIntervalMs?: number;
  /** Used while no list has been accepted (default: trusts nobody). */
  fallback?: TrustStore;
  now?: () => Date;
  onChange?: (list: TrustList, source: DocumentOrigin) => void;
  onError?: (code: string, source: DocumentOrigin) => void;
}

/**
 * A {@link TrustSource} over a signed trust list. Every candidate (from the network, the file or a
 * bundle) must be signed by a pinned operator key, be valid now and not be older than the list held;
 * otherwise it is refused with its code and the last good list stays in force. A configured file is
 * read at once, so `current()` is ready before the first network refresh, and offered again only
 * when it changes.
 *
 * @example
 * const trust = trustListSource({ operatorKey, url: 'https://issuer.example/trust-list' });
 * await trust.refresh();
 * trust.start();
 */
export function trustListSource(options: TrustListSourceOptions): TrustListSource {
  const clock = options.now ?? (() => new Date());
  const source = signedSource<TrustList>({
    accept: (candidate, held, now) =>
      checkTrustListAcceptable(candidate, held, { now, operatorKey: options.operatorKey }),
    describe: ({ version, issuedAt, validUntil }) => ({ version, issuedAt, validUntil }),
    ...(options.url === undefined ? {} : { url: options.url }),
    ...(options.remote === undefined ? {} : { remote: options.remote }),
    now: clock,
    ...(options.onChange === undefined ? {} : { onChange: options.onChange }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
  const empty = options.fallback ?? createTrustStore({ entries: [] });
  let built: { list: TrustList; store: TrustStore } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const file =
    options.file === undefined ? undefined : watchedFile(options.file, source.load, options.onError);
  file?.();

  const refresh = async (): Promise<LoadResult> => {
    const fromFile = file?.();
    if (options.url === undefined) return fromFile ?? { ok: true, changed: false };
    return source.refresh();
  };

  return {
    current() {
      const list = source.current();
      if (list === undefined) return empty;
      if (built?.list !== list) built = { list, store: trustStoreFromList(list) };
      return built.store;
    },
    list: () => source.current(),
    revision: () => source.revision(),
    info() {
      const info = source.info();
      const list = source.current();
      if (info === undefined || list === undefined) return undefined;
      return {
        ...info,
        entries: list.entries.length,
        expired: clock().getTime() > Date.parse(list.validUntil),
      };
    },
    load: (doc, origin, fetchedAt) => source.load(doc, origin, fetchedAt),
    refresh,
    start(intervalMs) {
      if (timer) clearInterval(timer);
      timer = setInterval(() => void refresh(), intervalMs ?? options.refreshIntervalMs ?? 300_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/**
 * Offers the file's list when the file has changed since it was last offered (by inode, size and
 * mtime), so a file older than the network's list is not refused again at every refresh. Reads are
 * synchronous: the source is ready as soon as it is built.
 */
function watchedFile(
  path: string,
  load: (doc: unknown, origin: DocumentOrigin) => LoadResult,
  onError: ((code: string, origin: DocumentOrigin) => void) | undefined,
): () => LoadResult | undefined {
  let offered: string | undefined;
  const unreadable = (): LoadResult => {
    onError?.('DOCUMENT_UNAVAILABLE', 'file');
    return { ok: false, code: 'DOCUMENT_UNAVAILABLE', message: 'the trust list file cannot be read as JSON' };
  };
  return () => {
    let stamp = 'missing';
    try {
      const info = statSync(path);
      stamp = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      // A missing file is told once, like any other change.
    }
    if (stamp === offered) return undefined;
    offered = stamp;
    if (stamp === 'missing') return unreadable();
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return unreadable();
    }
    return load(json, 'file');
  };
}
