import { exampleVaccinationInput } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { MAX_DATA_CHARS } from './data.js';
import { evaluateEntryRules } from './evaluate.js';
import { exampleRuleSet } from './examples.js';
import { parseRuleSet } from './parse.js';
import type { EntryRule, RuleSet } from './schema.js';

const now = new Date('2024-06-01T00:00:00Z');
const subject = { ...exampleVaccinationInput, certificate: { hcid: 'HC-1', issuer: 'THA' } };

function withLogic(logic: unknown): RuleSet {
  const rule: EntryRule = {
    id: 'TEST-1',
    version: '1.0.0',
    economy: 'THA',
    credentialType: 'VaccinationCertificate',
    description: { en: 'A test rule.' },
    validFrom: '2024-01-01T00:00:00Z',
    logic,
  };
  return { ...exampleRuleSet, rules: [rule] };
}

function run(ruleSet: RuleSet, data: unknown = subject, arrivalDate = '2024-06-10') {
  return evaluateEntryRules(ruleSet, {
    credentialType: 'VaccinationCertificate',
    data,
    economy: 'THA',
    arrivalDate,
    now,
  });
}

describe('evaluation never throws', () => {
  it('data of another shape is DATA_INVALID and every rule in force is an error', () => {
    const verdict = run(exampleRuleSet, { hello: 'world' });
    expect(verdict.error?.code).toBe('DATA_INVALID');
    expect(verdict.outcome).toBe('error');
    expect(verdict.results.filter((r) => r.outcome !== 'not-yet-valid').map((r) => r.outcome)).toEqual([
      'error',
    ]);
  });

  it('oversized data is DATA_TOO_LARGE', () => {
    const huge = { ...subject, person: { ...subject.person, name: 'x'.repeat(MAX_DATA_CHARS) } };
    expect(run(exampleRuleSet, huge).error?.code).toBe('DATA_TOO_LARGE');
  });

  it('a bad arrival date is ARRIVAL_INVALID', () => {
    expect(run(exampleRuleSet, subject, 'next tuesday').error?.code).toBe('ARRIVAL_INVALID');
  });

  it('logic that meets data of the wrong type is an error result', () => {
    const verdict = run(withLogic({ '>=': [{ var: 'payload.name' }, 2] }));
    expect(verdict.results[0]?.outcome).toBe('error');
    expect(verdict.results[0]?.text).toMatch(/^Could not be checked: /);
    expect(verdict.outcome).toBe('error');
  });

  it('logic that answers neither true nor false is an error result', () => {
    expect(run(withLogic({ var: 'payload.name' })).results[0]?.outcome).toBe('error');
  });

  it('a failing rule beats an erroring one in the verdict', () => {
    const failing = withLogic(false);
    const both: RuleSet = {
      ...failing,
      rules: [
        ...failing.rules,
        { ...(withLogic({ var: 'payload.name' }).rules[0] as EntryRule), id: 'TEST-2' },
      ],
    };
    expect(run(both).outcome).toBe('fail');
  });
});

describe('rules are expressible on the raw record, without derived fields', () => {
  // A reduce lambda sees only `accumulator` and `current`, so what it needs rides along in the
  // accumulator: [accepted dose count, accepted value set, latest accepted date, arrival].
  const accepted = { in: [{ var: 'current.brand.code' }, { var: 'accumulator.1' }] };
  const later = {
    after: [
      { plusTime: [{ var: 'current.date' }, 0, 'day'] },
      { plusTime: [{ var: 'accumulator.2' }, 0, 'day'] },
    ],
  };
  const tally = {
    reduce: [
      { var: 'payload.vaccinations' },
      [
        { if: [accepted, { '+': [{ var: 'accumulator.0' }, 1] }, { var: 'accumulator.0' }] },
        { var: 'accumulator.1' },
        { if: [{ and: [accepted, later] }, { var: 'current.date' }, { var: 'accumulator.2' }] },
        { var: 'accumulator.3' },
      ],
      [
        0,
        { var: 'external.valueSets.accepted-covid19-vaccines' },
        '1900-01-01',
        { var: 'external.arrivalDate' },
      ],
    ],
  };
  // Reducing over the one-element array [tally] makes its result readable as `current.0` … `current.3`.
  const arrival = { plusTime: [{ var: 'current.3' }, 0, 'day'] };
  const rule = withLogic({
    reduce: [
      [tally],
      {
        and: [
          { '>=': [{ var: 'current.0' }, 2] },
          { 'not-after': [{ plusTime: [{ var: 'current.2' }, 14, 'day'] }, arrival] },
          { after: [{ plusTime: [{ var: 'current.2' }, 366, 'day'] }, arrival] },
        ],
      },
      false,
    ],
  });

  it('is well-formed CertLogic', () => {
    expect(parseRuleSet(rule).rules).toHaveLength(1);
  });

  it('passes two accepted doses, the last 73 days before arrival', () => {
    expect(run(rule).outcome).toBe('pass');
  });

  it('fails when the second dose is of a vaccine not accepted', () => {
    const [first, second] = subject.vaccinations;
    if (!first || !second) throw new Error('example has two doses');
    const mixed = { ...subject, vaccinations: [first, { ...second, brand: 'Sputnik V' }] };
    expect(run(rule, mixed).outcome).toBe('fail');
  });

  it('fails when arrival is too soon after the last accepted dose', () => {
    expect(run(rule, subject, '2024-04-05').outcome).toBe('fail');
  });
});
