import {
  createDccTrust,
  type DccTrust,
  type IcaoTrust,
  prepareIcaoTrust,
  prepareShcTrust,
  type ShcTrust,
} from '@passage/formats';

/** The trust material of the other certificate systems, prepared once from a trust list's entries. */
export interface ForeignTrust {
  /** EU DCC document signer certificates by kid. */
  dcc: DccTrust;
  /** SMART Health Card issuers by `iss`, keys imported. */
  shc: ShcTrust;
  /** ICAO CSCAs by issuing state, certificates and CRLs parsed. */
  icao: IcaoTrust;
  /** Entries that could not be prepared (a certificate or key that does not parse): skipped. */
  rejected: number;
}

const prepared = new WeakMap<object, ForeignTrust>();

// One bad entry in a list of thousands must not take the others down: prepare one at a time.
function eachPrepared<T>(
  entries: readonly unknown[],
  framework: string,
  prepare: (one: readonly unknown[]) => ReadonlyMap<string, T>,
  merge: (into: Map<string, T>, key: string, value: T) => void,
): { trust: Map<string, T>; rejected: number } {
  const trust = new Map<string, T>();
  let rejected = 0;
  for (const entry of entries) {
    if ((entry as { framework?: unknown } | null)?.framework !== framework) continue;
    try {
      for (const [key, value] of prepare([entry])) merge(trust, key, value);
    } catch {
      rejected++;
    }
  }
  return { trust, rejected };
}

/**
 * Builds the DCC, SHC and ICAO trust of a trust list's (or trust file's) entries, skipping Passage
 * entries. The result is kept per entries array, so asking again for the same list costs a lookup:
 * call it on every verification with the list in force.
 *
 * @example
 * const { dcc } = foreignTrustOf(list.entries);
 * verifyDcc(text, { trust: dcc, now });
 */
export function foreignTrustOf(entries: readonly unknown[]): ForeignTrust {
  const cached = prepared.get(entries);
  if (cached) return cached;
  const dcc = createDccTrust(
    entries.filter((e) => (e as { framework?: unknown } | null)?.framework === 'dcc'),
  );
  const shc = eachPrepared(entries, 'shc', prepareShcTrust, (into, iss, issuer) => into.set(iss, issuer));
  const icao = eachPrepared(entries, 'icao', prepareIcaoTrust, (into, country, cscas) =>
    into.set(country, [...(into.get(country) ?? []), ...cscas]),
  );
  const trust: ForeignTrust = {
    dcc: dcc.trust,
    shc: shc.trust,
    icao: icao.trust,
    rejected: dcc.rejected + shc.rejected + icao.rejected,
  };
  prepared.set(entries, trust);
  return trust;
}
