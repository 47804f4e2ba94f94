import { TrustListError } from '../errors.js';
import {
  type TrustList,
  type TrustListDraft,
  type TrustListEntry,
  trustEntryIdentity,
  trustListEntrySchema,
} from '../trust-list-schema.js';

/** How many entries an import added and how many it replaced (same issuer, newer material). */
export interface MergeOutcome {
  list: TrustListDraft;
  added: number;
  replaced: number;
}

/**
 * Adds imported entries (any framework) to a list, replacing an entry of the same issuer (DID, SHC
 * `iss` or certificate). The result is unsigned: `signTrustList` makes it the next version.
 *
 * @throws TrustListError `INVALID_ARGUMENT` when an entry does not match the trust list entry schema.
 */
export function mergeTrustEntries(
  list: TrustListDraft | TrustList,
  imported: readonly unknown[],
): MergeOutcome {
  const { proof: _proof, ...draft } = list as TrustList;
  const entries = [...draft.entries];
  const at = new Map(entries.map((entry, index) => [trustEntryIdentity(entry), index]));
  let added = 0;
  let replaced = 0;
  for (const candidate of imported) {
    const parsed = trustListEntrySchema.safeParse(candidate);
    if (!parsed.success)
      throw new TrustListError('INVALID_ARGUMENT', 'an imported entry does not match the trust entry schema');
    const entry: TrustListEntry = parsed.data;
    const identity = trustEntryIdentity(entry);
    const index = at.get(identity);
    if (index === undefined) {
      at.set(identity, entries.length);
      entries.push(entry);
      added++;
    } else {
      entries[index] = entry;
      replaced++;
    }
  }
  return { list: { ...draft, entries }, added, replaced };
}
