import type { StatusListCache, TrustStore } from '@passage/credentials';
import type { TrustListDraft } from '@passage/trust';
import { readStatusListIndex, statusListIndexesOf, trustedIssuersOf } from './bundle/status-urls.js';
import type { RemoteOptions } from './remote.js';

/**
 * How long an index that named lists is trusted before it is read again (issuers serve theirs with
 * `max-age=60`). An index that named none, or could not be read, is read again on the next refresh:
 * an issuer's first list appears when it first issues, and must reach officers' pages at once.
 */
const INDEX_TTL_MS = 60_000;

/** An index that could not be read is tried again after this long, not on every refresh. */
const INDEX_RETRY_MS = 10_000;

/** The cache's own bound on lists fetched per prefetch call: larger sets go in slices. */
const SLICE = 8;

/** What the keeper reads: the trust list in force, and the cache it fills. */
export interface StatusKeeperOptions {
  list: () => Pick<TrustListDraft, 'entries'> | undefined;
  trust: () => TrustStore;
  statusLists: StatusListCache;
  remote: RemoteOptions;
  now: () => Date;
}

/**
 * Keeps every trusted issuer's status lists in the cache, not only those a verification has needed,
 * so the offline bundle the verifier hands to officers' pages can answer for any credential. The lists
 * come from each did:web issuer's index (read at most once a minute once it names lists); each list is fetched only when
 * missing or past its `ttl` (a conditional GET), and verified as any other. One refresh runs at a time.
 */
export function createStatusKeeper(options: StatusKeeperOptions): { refresh(): Promise<void> } {
  let readFor: object | undefined;
  const read = new Map<string, { at: number; urls: string[]; ttl: number }>();
  let running: Promise<void> | undefined;

  const urlsOf = async (list: Pick<TrustListDraft, 'entries'>): Promise<string[]> => {
    // A new trust list may trust other issuers at the same origins: every index is read again.
    if (readFor !== list) read.clear();
    readFor = list;
    const at = options.now().getTime();
    const indexes = statusListIndexesOf(list);
    const trusted = trustedIssuersOf(list);
    const named = await Promise.all(
      indexes.map(async (index) => {
        const known = read.get(index);
        if (known && at - known.at < known.ttl) return known.urls;
        const urls = await readStatusListIndex(index, trusted, options.remote);
        if (urls === undefined) read.set(index, { at, urls: known?.urls ?? [], ttl: INDEX_RETRY_MS });
        else if (urls.length > 0) read.set(index, { at, urls, ttl: INDEX_TTL_MS });
        else read.delete(index);
        return urls ?? known?.urls ?? [];
      }),
    );
    return [...new Set(named.flat())];
  };

  const run = async () => {
    const list = options.list();
    if (!list) return;
    const urls = await urlsOf(list);
    const trust = options.trust();
    for (let i = 0; i < urls.length; i += SLICE) {
      await options.statusLists.prefetch(urls.slice(i, i + SLICE), trust);
    }
  };

  return {
    refresh() {
      running ??= run()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
        });
      return running;
    },
  };
}
