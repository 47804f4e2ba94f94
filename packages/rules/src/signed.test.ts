import { generateOperatorKey, signDocument } from '@passage/trust';
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.js';
import { exampleRuleSet } from './examples.js';
import { RULES_DOCUMENT_TYPE, signRuleSet, verifyRuleSet } from './signed.js';

const operator = generateOperatorKey();
const now = new Date('2025-02-01T00:00:00Z');
const signed = signRuleSet(exampleRuleSet, operator.privateJwk, { now, bumpVersion: true });
const wire = () => JSON.parse(JSON.stringify(signed));

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof RulesError ? error.code : 'not a RulesError';
  }
}

describe('signed rule sets', () => {
  it('signing bumps the version and stamps issuedAt', () => {
    expect(signed.version).toBe(exampleRuleSet.version + 1);
    expect(signed.issuedAt).toBe(now.toISOString());
  });

  it('a signed set verifies against the pinned key', () => {
    expect(verifyRuleSet(wire(), operator.publicJwk, { now }).rules).toHaveLength(4);
  });

  it('a tampered rule is refused', () => {
    const doc = wire();
    doc.rules[0].logic = true;
    expect(codeOf(() => verifyRuleSet(doc, operator.publicJwk, { now }))).toBe('RULES_SIGNATURE_INVALID');
  });

  it('a tampered value set is refused', () => {
    const doc = wire();
    doc.valueSets['accepted-covid19-vaccines'].push('Sputnik V');
    expect(codeOf(() => verifyRuleSet(doc, operator.publicJwk, { now }))).toBe('RULES_SIGNATURE_INVALID');
  });

  it('a set signed by another key is refused', () => {
    const other = generateOperatorKey();
    expect(codeOf(() => verifyRuleSet(wire(), other.publicJwk, { now }))).toBe('RULES_SIGNATURE_INVALID');
  });

  it('an unsigned set is refused', () => {
    expect(codeOf(() => verifyRuleSet(exampleRuleSet, operator.publicJwk, { now }))).toBe(
      'RULES_SIGNATURE_INVALID',
    );
  });

  it('a trust list signature is not a rule set signature', () => {
    const asTrustList = signDocument(exampleRuleSet, operator.privateJwk, { typ: 'passage-trust-list+json' });
    expect(codeOf(() => verifyRuleSet(asTrustList, operator.publicJwk, { now }))).toBe(
      'RULES_SIGNATURE_INVALID',
    );
  });

  it('a correctly signed set with bad logic is refused', () => {
    const [first] = exampleRuleSet.rules;
    const bad = { ...exampleRuleSet, rules: [{ ...first, logic: { eval: ['x'] } }] };
    const doc = signDocument(bad, operator.privateJwk, { typ: RULES_DOCUMENT_TYPE });
    expect(codeOf(() => verifyRuleSet(doc, operator.publicJwk, { now }))).toBe('RULES_INVALID');
  });

  it('signing refuses bad logic', () => {
    const [first] = exampleRuleSet.rules;
    const bad = { ...exampleRuleSet, rules: [{ ...first, logic: { eval: ['x'] } }] };
    expect(codeOf(() => signRuleSet(bad, operator.privateJwk))).toBe('RULES_INVALID');
  });

  it('an expired set is refused', () => {
    const expiring = signRuleSet(
      { ...exampleRuleSet, validUntil: '2025-03-01T00:00:00Z' },
      operator.privateJwk,
      {
        now,
      },
    );
    expect(verifyRuleSet(expiring, operator.publicJwk, { now }).validUntil).toBe('2025-03-01T00:00:00Z');
    const later = new Date('2025-03-01T00:00:00Z');
    expect(codeOf(() => verifyRuleSet(expiring, operator.publicJwk, { now: later }))).toBe('RULES_EXPIRED');
  });

  it('an older set than the one held is refused', () => {
    const held = verifyRuleSet(wire(), operator.publicJwk, { now });
    const older = signRuleSet(exampleRuleSet, operator.privateJwk, { now });
    expect(codeOf(() => verifyRuleSet(older, operator.publicJwk, { now, held }))).toBe('RULES_ROLLBACK');
  });

  it('a different set under the held version is refused, the same set again is accepted', () => {
    const held = verifyRuleSet(wire(), operator.publicJwk, { now });
    expect(verifyRuleSet(wire(), operator.publicJwk, { now, held }).version).toBe(held.version);
    const changed = signRuleSet(
      { ...signed, valueSets: { 'accepted-covid19-vaccines': ['Comirnaty'] } },
      operator.privateJwk,
      { now },
    );
    expect(codeOf(() => verifyRuleSet(changed, operator.publicJwk, { now, held }))).toBe('RULES_ROLLBACK');
  });

  it('a newer set replaces the held one', () => {
    const held = verifyRuleSet(wire(), operator.publicJwk, { now });
    const newer = signRuleSet(signed, operator.privateJwk, { now, bumpVersion: true });
    expect(verifyRuleSet(newer, operator.publicJwk, { now, held }).version).toBe(held.version + 1);
  });
});
