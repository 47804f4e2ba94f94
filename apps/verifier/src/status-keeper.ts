import type { StatusListCache, TrustStore } from '@passage/credentials';
import type { TrustListDraft } from '@passage/trust';
import { statusListIndexesOf, statusListUrlsFrom } from './bundle/status-urls.js';
import type { RemoteOptions } from './remote.js';

/** How long the issuers' status list indexes are trusted before they are read again. */
const INDEX_TTL_MS = 60_000;

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
 * come from each did:web issuer's index (read at most once a minute); each list is fetched only when
 * missing or past its `ttl` (a conditional GET), and verified as any other. One refresh runs at a time.
 */
export function createStatusKeeper(options: StatusKeeperOptions): { refresh(): Promise<void> } {
  let known: { list: object; at: number; urls: string[] } | undefined;
  let running: Promise<void> | undefined;

  const urlsOf = async (list: Pick<TrustListDraft, 'entries'>): Promise<string[]> => {
    const at = options.now().getTime();
    if (known && known.list === list && at - known.at < INDEX_TTL_MS) return known.urls;
    const { urls } = await statusListUrlsFrom(list, statusListIndexesOf(list), options.remote);
    known = { list, at, urls };
    return urls;
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
