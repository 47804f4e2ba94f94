import { didWebToUrl } from '@passage/credentials';
import { passageEntriesOf, type TrustListDraft } from '@passage/trust';
import { z } from 'zod';
import { fetchJson, type RemoteOptions } from '../remote.js';

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

/** The status list indexes (`GET /status-lists`) at the origins of a trust list's did:web issuers. */
export function statusListIndexesOf(list: Pick<TrustListDraft, 'entries'>): string[] {
  const origins = passageEntriesOf(list).map((e) => originOf(e.did));
  return [...new Set(origins.filter((o) => o !== undefined))].map((origin) => `${origin}/status-lists`);
}

/** The status lists a set of indexes names, and which indexes could not be read (URLs only). */
export interface StatusListUrls {
  urls: string[];
  warnings: string[];
}

/**
 * Reads one status list index: the lists it names whose issuer the trust list trusts (an entry naming
 * no issuer is kept: the list's own signature is checked against the trust list when it is fetched).
 * Undefined when the index cannot be read or is not an index.
 */
export async function readStatusListIndex(
  index: string,
  trusted: ReadonlySet<string>,
  remote: RemoteOptions,
): Promise<string[] | undefined> {
  try {
    const parsed = indexSchema.safeParse(await fetchJson(index, remote));
    if (!parsed.success) return undefined;
    return parsed.data.filter((e) => e.issuer === undefined || trusted.has(e.issuer)).map((e) => e.url);
  } catch {
    return undefined;
  }
}

/** The did:web issuers a trust list names, as {@link readStatusListIndex} filters by. */
export function trustedIssuersOf(list: Pick<TrustListDraft, 'entries'>): Set<string> {
  return new Set(passageEntriesOf(list).map((e) => e.did));
}

/** Reads status list indexes and keeps the lists of issuers the trust list names. */
export async function statusListUrlsFrom(
  list: Pick<TrustListDraft, 'entries'>,
  indexes: readonly string[],
  remote: RemoteOptions,
): Promise<StatusListUrls> {
  const trusted = trustedIssuersOf(list);
  const urls = new Set<string>();
  const warnings: string[] = [];
  await Promise.all(
    indexes.map(async (index) => {
      const named = await readStatusListIndex(index, trusted, remote);
      if (named) for (const url of named) urls.add(url);
      else warnings.push(`status list index ${index} could not be read`);
    }),
  );
  return { urls: [...urls], warnings };
}
