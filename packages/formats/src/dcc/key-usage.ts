/** The certificate types of a DCC: which groups (`t`, `v`, `r`) its payload holds. */
export type DccType = 'test' | 'vaccination' | 'recovery';

const GROUP_TYPES: ReadonlyArray<readonly [string, DccType]> = [
  ['t', 'test'],
  ['v', 'vaccination'],
  ['r', 'recovery'],
];

const SUFFIX: Record<DccType, string> = { test: '1', vaccination: '2', recovery: '3' };
/** The DCC EKU arcs: the specified one and the legacy one some countries issued with. */
const ARCS = ['1.3.6.1.4.1.1847.2021.1.', '1.3.6.1.4.1.0.1847.2021.1.'];

/** The usage OIDs that allow each type, on either arc. */
const USAGES_OF: Record<DccType, readonly string[]> = {
  test: ARCS.map((arc) => arc + SUFFIX.test),
  vaccination: ARCS.map((arc) => arc + SUFFIX.vaccination),
  recovery: ARCS.map((arc) => arc + SUFFIX.recovery),
};

/** The certificate types a payload claims to be, by the groups present. */
export function dccTypesOf(hcert: Record<string, unknown>): DccType[] {
  const types: DccType[] = [];
  for (const [key, type] of GROUP_TYPES) if (hcert[key] !== undefined) types.push(type);
  return types;
}

function isDccUsage(oid: string): boolean {
  return ARCS.some((arc) => oid.startsWith(arc) && ['1', '2', '3'].includes(oid.slice(arc.length)));
}

// A DSC's usages are read for every certificate it signed: kept per usage list (the trust's own arrays,
// held weakly, so the cache lives and dies with the trust).
const dccUsages = new WeakMap<readonly string[], readonly string[]>();

function dccUsagesOf(extendedKeyUsage: readonly string[]): readonly string[] {
  let usages = dccUsages.get(extendedKeyUsage);
  if (usages === undefined) {
    usages = extendedKeyUsage.filter(isDccUsage);
    dccUsages.set(extendedKeyUsage, usages);
  }
  return usages;
}

/**
 * True when a DSC may sign every type the payload claims. A DSC with no DCC extended key usage may
 * sign all types; one with any DCC usage may sign only the types it lists (either OID arc).
 */
export function keyUsageAllows(extendedKeyUsage: readonly string[], types: readonly DccType[]): boolean {
  const usages = dccUsagesOf(extendedKeyUsage);
  if (usages.length === 0) return true;
  return types.every((type) => USAGES_OF[type].some((oid) => usages.includes(oid)));
}
