import type { WebStatusList } from './status-list.js';

/** Seven days: how long a list is used after it was fetched, as the Node cache's default. */
export const DEFAULT_STATUS_MAX_STALE_SEC = 7 * 24 * 3600;
const DEFAULT_TTL_MS = 300_000;
const MIN_TTL_MS = 1000;

/** A held list, or why there is none, as a status check sees it at one instant. */
export interface StatusView {
  snapshot?: WebStatusList;
  source: 'bundle';
  fetchedAt?: number;
  ageSeconds?: number;
  stale: boolean;
  problem?: string;
}

/** The status lists a bundle brought, verified: what status checks read. */
export interface StatusSource {
  peek(url: string, now: number): StatusView;
}

/**
 * A status source over verified bundle lists, judging age and expiry at each look as the Node status
 * list cache does for bundle copies: stale past the list's `ttl`, unusable past `maxStaleSec` or the
 * list's `validUntil`.
 */
export function bundleStatusSource(
  lists: ReadonlyMap<string, { list: WebStatusList; fetchedAt: number }>,
  maxStaleSec: number = DEFAULT_STATUS_MAX_STALE_SEC,
): StatusSource {
  return {
    peek(url, now) {
      const held = lists.get(url);
      if (!held) return { source: 'bundle', stale: true, problem: 'no copy of the status list is held' };
      const { list, fetchedAt } = held;
      const age = Math.max(0, now - fetchedAt);
      const stale = age > Math.max(list.ttlMs ?? DEFAULT_TTL_MS, MIN_TTL_MS);
      const view = { source: 'bundle' as const, fetchedAt, ageSeconds: Math.floor(age / 1000), stale };
      if (age > maxStaleSec * 1000)
        return { ...view, problem: 'the last good copy of the status list is too old' };
      if (list.validUntil !== undefined && now > list.validUntil) {
        return { ...view, problem: 'the status list has expired' };
      }
      return { ...view, snapshot: list };
    },
  };
}
