import { createDidResolver, createStatusListCache, didWebMethod } from '@passage/credentials';
import { verifyRuleSet } from '@passage/rules';
import {
  checkTrustListAcceptable,
  type OperatorPublicJwk,
  passageEntriesOf,
  trustStoreFromList,
} from '@passage/trust';
import type { RemoteOptions } from '../remote.js';
import type { OfflineBundle } from './bundle.js';
import { statusListIndexesOf, statusListUrlsFrom } from './status-urls.js';

/** What goes into a bundle. The trust list and rules are checked against the pinned operator key first. */
export interface BundleExportInput {
  /** The signed trust list (parsed JSON). */
  trustList: unknown;
  /** The signed entry rules (parsed JSON), when the bundle should carry them. */
  rules?: unknown;
  operatorKey: OperatorPublicJwk | readonly OperatorPublicJwk[];
  /**
   * URLs of status list indexes (`GET /status-lists` of an issuer). Default: the index at the origin
   * of every trusted did:web issuer.
   */
  statusListIndexes?: string[];
  /** Further status list URLs to include. */
  statusLists?: string[];
  now?: Date;
  fetch?: typeof globalThis.fetch;
}

/** The bundle and what could not be included (each line names a URL, never content). */
export interface BundleExportResult {
  bundle: OfflineBundle;
  warnings: string[];
}

/**
 * Builds an offline bundle: verifies the trust list (and rules) against the pinned operator key,
 * gathers the status lists of the trusted issuers (each verified against the trust list's keys) and
 * the DID documents of trusted issuers listed without keys.
 *
 * @throws TrustListError / RulesError when the trust list or rules are refused.
 */
export async function exportBundle(input: BundleExportInput): Promise<BundleExportResult> {
  const now = input.now ?? new Date();
  const remote: RemoteOptions = input.fetch ? { fetch: input.fetch } : {};
  const list = checkTrustListAcceptable(input.trustList, undefined, { now, operatorKey: input.operatorKey });
  const rules =
    input.rules === undefined ? undefined : verifyRuleSet(input.rules, input.operatorKey, { now });
  const trust = trustStoreFromList(list);
  const warnings: string[] = [];
  const issuers = passageEntriesOf(list);

  const indexes = input.statusListIndexes ?? statusListIndexesOf(list);
  const gathered = await statusListUrlsFrom(list, indexes, remote);
  warnings.push(...gathered.warnings);
  const urls = new Set([...(input.statusLists ?? []), ...gathered.urls]);
  const cache = createStatusListCache({
    ...(input.fetch ? { fetch: input.fetch } : {}),
    now: () => now.getTime(),
    maxLists: Math.max(urls.size, 1),
    maxListsPerPrefetch: Math.max(urls.size, 1),
  });
  await cache.prefetch(urls, trust);
  const statusLists = cache.export();
  const held = new Set(statusLists.map((s) => s.url));
  for (const url of urls)
    if (!held.has(url)) warnings.push(`status list ${url} could not be fetched or verified`);

  const resolver = createDidResolver({ web: didWebMethod(input.fetch ? { fetch: input.fetch } : {}) });
  const didDocuments: OfflineBundle['didDocuments'] = [];
  for (const entry of issuers) {
    if (entry.keys.length > 0) continue;
    const resolved = await resolver.resolve(entry.did);
    if (resolved.didDocument) {
      didDocuments.push({
        did: entry.did,
        document: resolved.didDocument as unknown as Record<string, unknown>,
        fetchedAt: now.toISOString(),
      });
    } else warnings.push(`DID document of ${entry.did} could not be resolved`);
  }
  return {
    bundle: {
      type: 'PassageOfflineBundle',
      createdAt: now.toISOString(),
      trustList: list as unknown as Record<string, unknown>,
      ...(rules ? { rules: rules as unknown as Record<string, unknown> } : {}),
      statusLists,
      didDocuments,
    },
    warnings,
  };
}
