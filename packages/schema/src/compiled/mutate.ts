// Seeded mutations of valid data, for the differential tests of the compiled checks against zod:
// each mutation changes, drops, adds or copies one value somewhere in the tree, with values chosen
// near the schemas' edges (lengths, ranges, dates, codes, whitespace).

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDGE_VALUES: readonly unknown[] = [
  '',
  ' ',
  'x',
  ' padded ',
  'x'.repeat(20),
  'x'.repeat(60),
  'x'.repeat(61),
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  0,
  1,
  2,
  20,
  21,
  90,
  365,
  366,
  -1,
  1.5,
  2 ** 53,
  null,
  true,
  false,
  [],
  {},
  { code: 'X' },
  { system: 'S', code: 'X', display: 'D' },
  { code: '' },
  { value: 'AA1' },
  { type: 'passport', value: 'AA1' },
  { type: 'visa', value: 'AA1' },
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '2024-03-01',
  '2024-02-01',
  '1900-01-01',
  '2099-12-31',
  '2024-3-1',
  '2025-01-01T00:00:00Z',
  '2025-01-01T00:00:00.123+07:00',
  '2025-01-01T00:00:00',
  '2025-02-30T00:00:00Z',
  '2030-01-01T00:00:00Z',
  'THA',
  'SGP',
  'JPN',
  'XXA',
  'tha',
  'TH',
  'male',
  'unknown',
  'M',
  'X',
  'granted',
  'pending',
  'did:example:123',
  'did:Bad:1',
  'did:web:a.b#k-1',
  'AB12345',
  'AB12-345',
  'ab1234',
  `sha256-${'A'.repeat(43)}`,
  `sha256-${'A'.repeat(43)}=`,
  `sha256-${'A'.repeat(42)}`,
  'Comirnaty',
  'RA01',
];

// Keys a mutation adds to an object: unknown ones, and optional members the issuer would assign.
const ADDED_KEYS = [
  'extra',
  'code',
  'value',
  'id',
  'period',
  'certificate',
  'hcid',
  'issuer',
  'cardNumber',
  'issuingEconomy',
  'validity',
  'from',
];

type Json = unknown;

/** The paths (as key lists) of every value in `value`, the root included. */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) pathsOf(value[i], [...prefix, i], out);
  } else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function at(value: Json, path: readonly (string | number)[]): Json {
  let v: Json = value;
  for (const k of path) v = (v as Record<string | number, Json>)[k];
  return v;
}

/** One random mutation of a deep copy of `value`. */
export function mutate(value: Json, random: () => number): Json {
  const copy = structuredClone(value);
  const paths = pathsOf(copy);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const path = pick(paths.slice(1));
  if (!path) return copy;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  const roll = random();
  if (roll < 0.5) parent[key] = structuredClone(pick(EDGE_VALUES));
  else if (roll < 0.6) parent[key] = structuredClone(at(copy, pick(paths)));
  else if (roll < 0.7) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (roll < 0.8) {
    const target = at(copy, path);
    if (Array.isArray(target)) target.push(structuredClone(target[0]));
    else if (typeof target === 'object' && target !== null)
      (target as Record<string, Json>)[pick(ADDED_KEYS)] = pick(EDGE_VALUES);
    else parent[key] = structuredClone(pick(EDGE_VALUES));
  } else if (roll < 0.9) {
    const target = at(copy, path);
    if (typeof target === 'string') parent[key] = random() < 0.5 ? ` ${target}` : `${target}x`;
    else if (typeof target === 'number') parent[key] = target + (random() < 0.5 ? 1 : -1);
    else parent[key] = undefined;
  } else {
    // a date moved by a year, so refinements comparing dates flip
    const target = at(copy, path);
    if (typeof target === 'string' && /^\d{4}-/.test(target))
      parent[key] = `${Number(target.slice(0, 4)) + (random() < 0.5 ? 1 : -6)}${target.slice(4)}`;
    else parent[key] = pick(EDGE_VALUES);
  }
  return copy;
}

/** `count` values, each one to three mutations away from one of `seeds`. */
export function mutations(seeds: readonly Json[], count: number, seed: number): Json[] {
  const random = prng(seed);
  const out: Json[] = [];
  for (let i = 0; i < count; i++) {
    let v = seeds[i % seeds.length];
    const steps = 1 + Math.floor(random() * 3);
    for (let s = 0; s < steps; s++) v = mutate(v, random);
    out.push(v);
  }
  return out;
}
