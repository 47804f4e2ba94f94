import { createDidResolver, createStatusListCache, didWebMethod, didWebToUrl } from '@passage/credentials';
import { verifyRuleSet } from '@passage/rules';
import {
  checkTrustListAcceptable,
  type OperatorPublicJwk,
  passageEntriesOf,
  trustStoreFromList,
} from '@passage/trust';
import { z } from 'zod';
import { fetchJson, type RemoteOptions } from '../remote.js';
import type { OfflineBundle } from './bundle.js';

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

const indexSchema = z.array(z.looseObject({ url: z.string(), issuer: z.string().optional() })).max(100_000);

/** The origin that serves a did:web issuer's documents (loopback hosts over http, as resolution does). */
function originOf(did: string): string | undefined {
  if (!did.startsWith('did:web:')) return undefined;
  const loopback = /^did:web:(localhost|127\.0\.0\.1)(%3A\d+)?(:|$)/.test(did);
  try {
    return new URL(didWebToUrl(did, loopback ? 'http' : 'https')).origin;
  } catch {
    return undefined;
  }
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
  const trustedDids = new Set(issuers.map((e) => e.did));

  const indexes =
    input.statusListIndexes ??
    [...new Set(issuers.map((e) => originOf(e.did)).filter((o) => o !== undefined))].map(
      (origin) => `${origin}/status-lists`,
    );
  const urls = new Set(input.statusLists ?? []);
  for (const index of indexes) {
    try {
      const parsed = indexSchema.safeParse(await fetchJson(index, remote));
      if (!parsed.success) throw new Error('not a status list index');
      for (const entry of parsed.data) {
        if (entry.issuer === undefined || trustedDids.has(entry.issuer)) urls.add(entry.url);
      }
    } catch {
      warnings.push(`status list index ${index} could not be read`);
    }
  }
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
