import { isDeepStrictEqual } from 'node:util';
import { exampleVaccinationInput } from '@passage/schema';
import { type CertLogicExpression, evaluate } from 'certlogic-js';
import { describe, expect, it } from 'vitest';
// The seeded PRNG of the schema package's compiled checks (a test helper, not public API).
import { prng } from '../../../schema/src/compiled/mutate.js';
import { evaluationData } from '../data.js';
import { exampleRuleSet } from '../examples.js';
import { compileLogic } from './compile.js';

type Outcome = { value: unknown } | { threw: true };
function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch {
    return { threw: true };
  }
}

/**
 * Fails with the first logic and data on which the compiled logic and certlogic-js differ; answers
 * how many cases threw, came out true, false, or another value.
 */
function expectSame(pairs: Iterable<{ logic: unknown; data: unknown }>) {
  const seen = { threw: 0, true: 0, false: 0, other: 0 };
  for (const { logic, data } of pairs) {
    const expected = outcome(() => evaluate(logic as CertLogicExpression, data));
    const actual = outcome(() => compileLogic(logic)(data));
    if (!isDeepStrictEqual(actual, expected))
      expect({ logic, data, actual }).toEqual({ logic, data, actual: expected });
    if ('threw' in expected) seen.threw++;
    else if (expected.value === true || expected.value === false) seen[`${expected.value}`]++;
    else seen.other++;
  }
  return seen;
}

const DATES = [
  '2024-01-01',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '2025-06-30',
  '2025',
  '2025-02',
  '2025-06-01T10:00:00Z',
  '2025-06-01T10:00:00.5+07:00',
  '2025-06-01T10:00:00+0700',
  '2025-06-01T10:00:00',
  'soon',
  '',
];

function* exampleCases(count: number) {
  const random = prng(1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const [first, second] = exampleVaccinationInput.vaccinations;
  if (!first || !second) throw new Error('the example holds two doses');
  for (let i = 0; i < count; i++) {
    const day = (base: number) =>
      new Date(Date.UTC(2024, 0, 1) + (base + Math.floor(random() * 800)) * 86_400_000)
        .toISOString()
        .slice(0, 10);
    const subject = {
      ...exampleVaccinationInput,
      certificate: { hcid: 'H-1', issuer: 'THA' },
      vaccinations: [
        { ...first, date: day(0), brand: pick(['Comirnaty', 'Comirnaty', 'Sputnik', { code: 'Spikevax' }]) },
        { ...second, date: random() < 0.9 ? day(100) : pick(DATES), dose: pick([1, 2, 3, 4]) },
      ],
    };
    const last = subject.vaccinations[1]?.date ?? '';
    // Arrivals on the rules' edges (14 days after the last dose, and the last day it counts) too.
    const edge = new Date(Date.parse(last) + pick([13, 14, 15, 180, 181, 365, 366]) * 86_400_000);
    const roll = random();
    const external = {
      validationClock: '2025-06-01T00:00:00.000Z',
      arrivalDate:
        roll < 0.4 && !Number.isNaN(edge.getTime())
          ? edge.toISOString()
          : roll < 0.8
            ? `${day(300)}T00:00:00.000Z`
            : pick(DATES),
      economy: 'THA',
      valueSets: exampleRuleSet.valueSets ?? {},
    };
    const built = evaluationData('VaccinationCertificate', subject, external);
    const data = built.ok ? built.data : { payload: subject, external };
    for (const rule of exampleRuleSet.rules) yield { logic: rule.logic, data };
  }
}

const PATHS = [
  '',
  'payload',
  'payload.name',
  'payload.vaccinations',
  'payload.vaccinations.0.dose',
  'payload.vaccinations.1.date',
  'payload.vaccinations.x',
  'derived.lastDoseDate',
  'derived.doseCount',
  'external.arrivalDate',
  'external.valueSets.accepted-covid19-vaccines',
  'payload.name.length',
  'payload.name.0',
  'accumulator',
  'current',
  'current.dose',
  'missing.deeper',
  '1',
];
const OPERATORS = [
  'and',
  '===',
  'in',
  '+',
  '<',
  '>',
  '<=',
  '>=',
  'after',
  'before',
  'not-after',
  'not-before',
  '!',
  'if',
  'plusTime',
  'reduce',
  'extractFromUVCI',
  'dccDateOfBirth',
  'var',
  'nope',
];

/** A random CertLogic expression, well formed or not. */
function randomLogic(random: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const roll = random();
  if (depth <= 0 || roll < 0.25) {
    return pick<unknown>([
      0,
      1,
      2,
      -3,
      1.5,
      true,
      false,
      'a',
      '',
      'URN:UVCI:01:NL:ABC#1',
      ...DATES,
      null,
      [],
    ]);
  }
  if (roll < 0.45) return { var: random() < 0.95 ? pick(PATHS) : 3 };
  if (roll < 0.5) return [randomLogic(random, depth - 1), randomLogic(random, depth - 1)];
  if (roll < 0.52) return { var: 'a', and: [] };
  const operator = pick(OPERATORS);
  if (operator === 'plusTime')
    return {
      plusTime: [
        random() < 0.7 ? { var: pick(['derived.lastDoseDate', 'external.arrivalDate']) } : pick(DATES),
        pick([0, 1, -14, 365, 1.5, '1']),
        pick(['day', 'hour', 'month', 'year', 'week']),
      ],
    };
  if (operator === 'var') return { var: pick(PATHS) };
  const arity = pick([0, 1, 2, 2, 2, 3, 4]);
  const operands = Array.from({ length: arity }, () => randomLogic(random, depth - 1));
  if (operator === 'extractFromUVCI' && arity >= 2) operands[1] = pick([0, 1, 2, 9, -1, 1.5]);
  return random() < 0.03 ? { [operator]: operands[0] ?? 1 } : { [operator]: operands };
}

describe('compileLogic', () => {
  it('answers as certlogic-js on the example rules, over 2,000 generated records and arrivals', () => {
    const seen = expectSame(exampleCases(500));
    expect(seen.true + seen.false + seen.threw).toBe(2_000);
    expect(Math.min(seen.true, seen.false)).toBeGreaterThan(100);
    expect(seen.threw).toBeGreaterThan(0);
  });

  it('answers and throws as certlogic-js on 30,000 generated expressions and data', () => {
    const random = prng(7);
    const [data] = [...exampleCases(1)].map((c) => c.data);
    function* cases() {
      for (let i = 0; i < 30_000; i++) yield { logic: randomLogic(random, 4), data };
    }
    const seen = expectSame(cases());
    expect(Math.min(seen.true, seen.false)).toBeGreaterThan(200);
    expect(Math.min(seen.other, seen.threw)).toBeGreaterThan(5_000);
  });

  it('never throws while compiling, and throws when an invalid part is reached', () => {
    const compiled = compileLogic({ if: [true, { nope: [1] }, 1] });
    expect(() => compiled({})).toThrow();
    expect(compileLogic({ if: [false, { nope: [1] }, 1] })({})).toBe(1);
  });

  it('answers a plusTime on a cached date as a fresh Date each time', () => {
    const logic = compileLogic({ plusTime: ['2025-01-31', 1, 'month'] });
    const first = logic({}) as Date;
    first.setUTCFullYear(1999);
    expect((logic({}) as Date).toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });
});
