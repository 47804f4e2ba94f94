import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
// The seeded mutator of the schema package's compiled checks (a test helper, not public API).
import { mutations } from '../../../schema/src/compiled/mutate.js';
import { icaoTestMessageSchema, icaoVaccinationMessageSchema } from './record.js';
import { icaoSealSchema } from './seal.js';
import { isIcaoSealAsIs, isTestMessageAsIs, isVaccinationMessageAsIs } from './seal-compiled.js';

// Australia's VDS-NC test vectors and WHO's ICAO examples (see test/vectors/icao-vds-nc/SOURCE.txt).
const VECTORS = new URL('../../../../test/vectors/icao-vds-nc/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, VECTORS), 'utf8'));
const aus = read('aus-apo-vdsnc-test-vectors.json');
// WHO's examples abbreviate sig.cer and sig.sigvl with "..."; the Australian ones make them well-formed.
const who = ['vaccination_example.json', 'testing_example.json'].map((name) => ({
  ...read(name),
  sig: aus.validVds.sig,
}));
const seeds: unknown[] = [aus.validVds, ...who];
const messages = (type: string) =>
  seeds
    .filter((s) => (s as { data: { hdr: { t: string } } }).data.hdr.t === type)
    .map((s) => {
      return (s as { data: { msg: unknown } }).data.msg;
    });

function holdsUndefined(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((v) => v === undefined || holdsUndefined(v));
}

/** zod accepts the value and answers a deep-equal copy of it. */
const zodAsIs = (schema: z.ZodType) => (value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success && isDeepStrictEqual(parsed.data, value);
};

const cases = [
  { name: 'seal', zod: zodAsIs(icaoSealSchema), compiled: isIcaoSealAsIs, seeds },
  {
    name: 'vaccination message',
    zod: zodAsIs(icaoVaccinationMessageSchema),
    compiled: isVaccinationMessageAsIs,
    seeds: messages('icao.vacc'),
  },
  {
    name: 'test message',
    zod: zodAsIs(icaoTestMessageSchema),
    compiled: isTestMessageAsIs,
    seeds: messages('icao.test'),
  },
];

describe.each(cases)('compiled VDS-NC $name check', ({ zod, compiled, seeds: own }) => {
  it('accepts the vectors as they are', () => {
    expect(own.length).toBeGreaterThan(0);
    for (const seed of own) expect([zod(seed), compiled(seed)]).toEqual([true, true]);
  });

  // Sound always (true only where zod answers the value unchanged); exact on JSON data (no undefined).
  it('agrees with zod on 3,000 mutated values, and both sides occur', () => {
    const values = mutations(own, 3_000, 23);
    let accepted = 0;
    const disagreements: unknown[] = [];
    for (const value of values) {
      const expected = zod(value);
      const answer = compiled(value);
      if (answer ? !expected : expected && !holdsUndefined(value)) disagreements.push({ answer, value });
      if (expected) accepted++;
    }
    expect(disagreements.length, JSON.stringify(disagreements[0])?.slice(0, 2000)).toBe(0);
    expect(accepted).toBeGreaterThan(300);
    expect(values.length - accepted).toBeGreaterThan(300);
  });

  it('leaves an own __proto__ member to zod', () => {
    const [seed] = own;
    const value = JSON.parse(JSON.stringify(seed).replace('{', '{"__proto__":{"x":1},'));
    expect(compiled(value)).toBe(false);
  });
});

describe('compiled VDS-NC seal check at the schema edges', () => {
  const edges: [
    string,
    (seal: { data: { hdr: Record<string, unknown> }; sig: Record<string, unknown> }) => void,
  ][] = [
    [
      'empty type',
      (s) => {
        s.data.hdr.t = '';
      },
    ],
    [
      'type of 50',
      (s) => {
        s.data.hdr.t = 'x'.repeat(50);
      },
    ],
    [
      'type of 51',
      (s) => {
        s.data.hdr.t = 'x'.repeat(51);
      },
    ],
    [
      'version 0',
      (s) => {
        s.data.hdr.v = 0;
      },
    ],
    [
      'version 1000',
      (s) => {
        s.data.hdr.v = 1000;
      },
    ],
    [
      'version 1001',
      (s) => {
        s.data.hdr.v = 1001;
      },
    ],
    [
      'version 1.5',
      (s) => {
        s.data.hdr.v = 1.5;
      },
    ],
    [
      'lower-case state',
      (s) => {
        s.data.hdr.is = 'aus';
      },
    ],
    [
      'state D<<',
      (s) => {
        s.data.hdr.is = 'D<<';
      },
    ],
    [
      'alg of 21',
      (s) => {
        s.sig.alg = 'x'.repeat(21);
      },
    ],
    [
      'cer with padding',
      (s) => {
        s.sig.cer = `${String(s.sig.cer)}==`;
      },
    ],
    [
      'cer with three pads',
      (s) => {
        s.sig.cer = `${String(s.sig.cer)}===`;
      },
    ],
    [
      'empty sigvl',
      (s) => {
        s.sig.sigvl = '';
      },
    ],
    [
      'sigvl of 1025',
      (s) => {
        s.sig.sigvl = 'A'.repeat(1025);
      },
    ],
    [
      'extra root member',
      (s) => {
        Object.assign(s, { extra: 1 });
      },
    ],
    [
      'msg as array',
      (s) => {
        Object.assign(s.data, { msg: [] });
      },
    ],
  ];
  it.each(edges)('%s: agrees with zod', (_, change) => {
    const seal = structuredClone(aus.validVds);
    change(seal);
    expect(isIcaoSealAsIs(seal)).toBe(zodAsIs(icaoSealSchema)(seal));
  });
});
