import type { CredentialType } from '@passage/schema';
import type { EntryRule } from '../schema.js';
import { compareSemver } from './semver.js';

/** The rules that decide a verdict now, and the versions that are published but not in force yet. */
export interface Selection {
  inForce: EntryRule[];
  upcoming: EntryRule[];
}

/** Later `validFrom` first, then higher version: the newest of two versions. */
function newer(a: EntryRule, b: EntryRule): boolean {
  const d = Date.parse(a.validFrom) - Date.parse(b.validFrom);
  return d !== 0 ? d > 0 : compareSemver(a.version, b.version) > 0;
}

/** Earlier `validFrom` first, then higher version: the next of two upcoming versions. */
function sooner(a: EntryRule, b: EntryRule): boolean {
  const d = Date.parse(a.validFrom) - Date.parse(b.validFrom);
  return d !== 0 ? d < 0 : compareSemver(a.version, b.version) > 0;
}

/**
 * Picks, per rule id, the version in force at `now` (validFrom ≤ now < validTo; the newest when several
 * are), and the next version to come into force, if any. Only rules for `economy` and `credentialType`
 * are considered; the order is the order of first appearance in the rule set.
 */
export function selectRules(
  rules: readonly EntryRule[],
  filter: { economy: string; credentialType: CredentialType; now: Date },
): Selection {
  const now = filter.now.getTime();
  const current = new Map<string, EntryRule | undefined>();
  const next = new Map<string, EntryRule | undefined>();
  for (const rule of rules) {
    if (rule.economy !== filter.economy || rule.credentialType !== filter.credentialType) continue;
    if (!current.has(rule.id)) {
      current.set(rule.id, undefined);
      next.set(rule.id, undefined);
    }
    const from = Date.parse(rule.validFrom);
    if (from > now) {
      const held = next.get(rule.id);
      if (held === undefined || sooner(rule, held)) next.set(rule.id, rule);
      continue;
    }
    if (rule.validTo !== undefined && Date.parse(rule.validTo) <= now) continue;
    const held = current.get(rule.id);
    if (held === undefined || newer(rule, held)) current.set(rule.id, rule);
  }
  const inForce = [...current.values()].filter((r) => r !== undefined);
  const upcoming = [...next.values()].filter((r) => r !== undefined);
  return { inForce, upcoming };
}
