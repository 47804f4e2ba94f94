/**
 * Trust entries grouped by a key (a DCC kid, a VDS-NC issuing state), each group read once, when first
 * asked for: the page's foreign trusts read certificates only for the key a scanned credential names,
 * since a trust list may hold thousands and reading one takes a millisecond or more on a phone. An
 * entry whose reading fails is skipped (and counted), as the verifier service skips it.
 */
export interface ReadByKey<V> {
  /** Reads the group of `key` (once), in entry order. */
  prepare(key: string): Promise<readonly V[]>;
  /** The group of `key` once prepared; undefined before. */
  ready(key: string): readonly V[] | undefined;
  /** Every key that has entries. */
  keys(): Iterable<string>;
  /** How many entries failed to read so far. */
  readonly skipped: number;
}

/** Groups `[key, entry]` pairs, to be read with `read` group by group (see {@link ReadByKey}). */
export function readByKey<E, V>(
  entries: Iterable<readonly [string, E]>,
  read: (entry: E) => Promise<V>,
): ReadByKey<V> {
  const listed = new Map<string, E[]>();
  for (const [key, entry] of entries) {
    const group = listed.get(key);
    if (group) group.push(entry);
    else listed.set(key, [entry]);
  }
  const reading = new Map<string, Promise<readonly V[]>>();
  const done = new Map<string, readonly V[]>();
  let skipped = 0;
  const prepare = (key: string): Promise<readonly V[]> => {
    let group = reading.get(key);
    if (group === undefined) {
      group = (async () => {
        const out: V[] = [];
        for (const entry of listed.get(key) ?? []) {
          try {
            out.push(await read(entry));
          } catch {
            skipped++;
          }
        }
        done.set(key, out);
        return out;
      })();
      reading.set(key, group);
    }
    return group;
  };
  return {
    prepare,
    ready: (key) => done.get(key),
    keys: () => listed.keys(),
    get skipped() {
      return skipped;
    },
  };
}
