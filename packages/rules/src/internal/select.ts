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

/** A selection, and the instants between which it stays the same: [from, until). */
interface HeldSelection {
  selection: Selection;
  from: number;
  until: number;
}

// Per rules array (a rule set is not changed once read), per economy and credential type.
const held = new WeakMap<readonly EntryRule[], Map<string, HeldSelection>>();
/** Bounds the memo per rule set: economies × credential types, far below this. */
const MAX_HELD_PER_RULE_SET = 256;

/** The `validFrom`/`validTo` instants around `now` of the rules `filter` matches: where a selection can change. */
function windowOf(
  rules: readonly EntryRule[],
  filter: { economy: string; credentialType: CredentialType },
  now: number,
): { from: number; until: number } {
  let from = Number.NEGATIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  for (const rule of rules) {
    if (rule.economy !== filter.economy || rule.credentialType !== filter.credentialType) continue;
    for (const edge of [rule.validFrom, rule.validTo]) {
      if (edge === undefined) continue;
      const at = Date.parse(edge);
      if (at <= now) from = Math.max(from, at);
      else until = Math.min(until, at);
    }
  }
  return { from, until };
}

/**
 * {@link selectRules}, remembered per rule set, economy and credential type for as long as no rule's
 * `validFrom` or `validTo` is crossed: the selection only changes at those instants. The answer is
 * shared between calls and must not be changed.
 */
export function selectRulesHeld(
  rules: readonly EntryRule[],
  filter: { economy: string; credentialType: CredentialType; now: Date },
): Selection {
  const now = filter.now.getTime();
  let perSet = held.get(rules);
  if (!perSet) {
    perSet = new Map();
    held.set(rules, perSet);
  }
  const key = `${filter.economy}|${filter.credentialType}`;
  const hit = perSet.get(key);
  if (hit && hit.from <= now && now < hit.until) return hit.selection;
  const selection = selectRules(rules, filter);
  if (Number.isNaN(now)) return selection;
  if (perSet.size >= MAX_HELD_PER_RULE_SET) perSet.clear();
  perSet.set(key, { selection, ...windowOf(rules, filter, now) });
  return selection;
}
