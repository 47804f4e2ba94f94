import { describe, expect, it } from 'vitest';
import { exampleRuleSet } from '../examples.js';
import type { EntryRule } from '../schema.js';
import { selectRules, selectRulesHeld } from './select.js';

const [base] = exampleRuleSet.rules;
if (!base) throw new Error('the example rule set has no rule');
const version = (v: string, validFrom: string, validTo?: string): EntryRule => ({
  ...base,
  version: v,
  validFrom,
  ...(validTo === undefined ? {} : { validTo }),
});
const rules: EntryRule[] = [
  version('1.0.0', '2024-01-01T00:00:00Z', '2024-07-01T00:00:00Z'),
  version('1.1.0', '2024-03-01T00:00:00Z'),
  version('2.0.0', '2024-09-01T00:00:00Z'),
];
const filter = { economy: base.economy, credentialType: base.credentialType };

describe('selectRulesHeld', () => {
  it('answers what selectRules answers at every instant, across each validFrom and validTo', () => {
    const instants = [
      '2023-12-31T23:59:59.999Z',
      '2024-01-01T00:00:00.000Z',
      '2024-02-15T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-06-30T23:59:59.999Z',
      '2024-07-01T00:00:00.000Z',
      '2024-08-31T23:59:59.999Z',
      '2024-09-01T00:00:00.000Z',
      '2024-02-15T00:00:00.000Z', // back in time: the held selection of a later window must not answer
      '2030-01-01T00:00:00.000Z',
    ];
    for (const at of instants) {
      const now = new Date(at);
      const ids = (s: ReturnType<typeof selectRules>) => ({
        inForce: s.inForce.map((r) => r.version),
        upcoming: s.upcoming.map((r) => r.version),
      });
      expect(ids(selectRulesHeld(rules, { ...filter, now })), at).toEqual(
        ids(selectRules(rules, { ...filter, now })),
      );
    }
  });

  it('keeps rule sets apart, and economies within one', () => {
    const now = new Date('2024-05-01T00:00:00Z');
    expect(selectRulesHeld(rules, { ...filter, now }).inForce).toHaveLength(1);
    expect(selectRulesHeld([], { ...filter, now }).inForce).toHaveLength(0);
    expect(selectRulesHeld(rules, { ...filter, economy: 'JPN', now }).inForce).toHaveLength(0);
  });
});
