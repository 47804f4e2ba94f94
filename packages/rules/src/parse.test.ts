import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.js';
import { exampleRuleSet } from './examples.js';
import { parseRuleSet } from './parse.js';

function withRule(patch: Record<string, unknown>): unknown {
  const [first] = exampleRuleSet.rules;
  return { ...exampleRuleSet, rules: [{ ...first, ...patch }] };
}

function codeOf(document: unknown): string | undefined {
  try {
    parseRuleSet(document);
    return undefined;
  } catch (error) {
    return error instanceof RulesError ? error.code : 'not a RulesError';
  }
}

describe('parseRuleSet', () => {
  it('reads the example rule set, which examples/entry-rules.json holds as a file', () => {
    const file = readFileSync(new URL('../examples/entry-rules.json', import.meta.url), 'utf8');
    expect(parseRuleSet(JSON.parse(file))).toEqual(exampleRuleSet);
  });

  it('refuses an unknown CertLogic operator', () => {
    expect(codeOf(withRule({ logic: { or: [true, false] } }))).toBe('RULES_INVALID');
  });

  it('refuses a non-integer number, which CertLogic does not have', () => {
    expect(codeOf(withRule({ logic: { '>=': [{ var: 'derived.doseCount' }, 1.5] } }))).toBe('RULES_INVALID');
  });

  it('refuses an if without its else', () => {
    expect(codeOf(withRule({ logic: { if: [true, true] } }))).toBe('RULES_INVALID');
  });

  it('refuses logic nested too deep', () => {
    let logic: unknown = true;
    for (let i = 0; i < 60; i++) logic = { '!': [logic] };
    expect(codeOf(withRule({ logic }))).toBe('RULES_INVALID');
  });

  it('refuses a reduce inside a reduce lambda, which would multiply the work', () => {
    const inner = { reduce: [{ var: 'current' }, true, true] };
    const logic = { reduce: [{ var: 'external.valueSets.accepted-covid19-vaccines' }, inner, true] };
    expect(codeOf(withRule({ logic }))).toBe('RULES_INVALID');
  });

  it('refuses a version that is not semver', () => {
    expect(codeOf(withRule({ version: '1.0' }))).toBe('RULES_INVALID');
  });

  it('refuses an economy that is not an APEC member', () => {
    expect(codeOf(withRule({ economy: 'FRA' }))).toBe('RULES_INVALID');
  });

  it('refuses a rule without an English description', () => {
    expect(codeOf(withRule({ description: { th: 'x' } }))).toBe('RULES_INVALID');
  });

  it('refuses the same rule version twice', () => {
    const [first] = exampleRuleSet.rules;
    expect(codeOf({ ...exampleRuleSet, rules: [first, first] })).toBe('RULES_INVALID');
  });

  it('refuses unknown members', () => {
    expect(codeOf({ ...exampleRuleSet, extra: true })).toBe('RULES_INVALID');
  });
});
