// Pure (no Node import): the verifier service and the browser verifier (@passage/web-verify) share it.
import { findApecEconomy } from '@passage/schema';
import { type EntryRulesVerdict, evaluateEntryRules } from './evaluate.js';
import { entryRulesInputOf, type ReportFacts } from './from-report.js';
import type { RuleSet } from './schema.js';

/** What the entry verdict reads of a verification report (`@passage/credentials`). */
export type VerifiedReportFacts = ReportFacts & { verified: boolean };

/**
 * "Does this traveller meet the entry rules of economy X?", kept apart from "is the credential
 * authentic?": a genuine certificate can fail a border's rules, and a forged one never meets them.
 */
export type EntryOutcome = 'meets' | 'does-not-meet' | 'not-authentic' | 'no-rules' | 'cannot-evaluate';

/** The entry verdict for one economy and arrival date, with each rule's outcome in words. */
export interface EntryVerdict {
  economy: string;
  arrivalDate: string;
  outcome: EntryOutcome;
  /** One sentence an officer can read. */
  summary: string;
  /** The rules' own verdict, rule by rule; absent when there was nothing to evaluate. */
  rules?: EntryRulesVerdict;
}

/** What the entry rules are asked. */
export interface EntryQuestion {
  economy: string;
  /** A date or date-time; default: the validation clock. */
  arrivalDate?: string;
}

const nameOf = (economy: string) => findApecEconomy(economy)?.name ?? economy;

function outcomeOf(report: VerifiedReportFacts, rules: EntryRulesVerdict): EntryOutcome {
  if (!report.verified) return 'not-authentic';
  if (rules.outcome === 'pass') return 'meets';
  if (rules.outcome === 'fail') return 'does-not-meet';
  return rules.outcome === 'no-rules' ? 'no-rules' : 'cannot-evaluate';
}

function summaryOf(outcome: EntryOutcome, economy: string, rules?: EntryRulesVerdict): string {
  const name = nameOf(economy);
  let inForce = 0;
  let met = 0;
  for (const { outcome: ruleOutcome } of rules?.results ?? []) {
    if (ruleOutcome !== 'not-yet-valid') inForce++;
    if (ruleOutcome === 'pass') met++;
  }
  switch (outcome) {
    case 'meets':
      return `Meets the entry rules of ${name} (${met} of ${inForce} met).`;
    case 'does-not-meet':
      return `Does not meet the entry rules of ${name} (${met} of ${inForce} met).`;
    case 'not-authentic':
      return `Not checked against the entry rules of ${name}: the credential did not verify.`;
    case 'no-rules':
      return `${name} has no entry rule in force for this credential.`;
    default:
      return `The entry rules of ${name} could not be evaluated on this credential.`;
  }
}

/**
 * Evaluates the entry rules of `question.economy` for a verified (or not) credential. Never throws:
 * missing rules or unreadable data become an outcome.
 */
export function entryVerdict(
  report: VerifiedReportFacts,
  ruleSet: RuleSet | undefined,
  question: EntryQuestion,
  now: Date,
): EntryVerdict {
  const economy = question.economy.toUpperCase();
  const arrivalDate = question.arrivalDate ?? now.toISOString();
  const input = entryRulesInputOf(report);
  if (!ruleSet || !input) {
    const outcome: EntryOutcome = report.verified
      ? ruleSet
        ? 'cannot-evaluate'
        : 'no-rules'
      : 'not-authentic';
    return { economy, arrivalDate, outcome, summary: summaryOf(outcome, economy) };
  }
  const rules = evaluateEntryRules(ruleSet, {
    ...input,
    economy,
    arrivalDate,
    now,
  });
  const outcome = outcomeOf(report, rules);
  return { economy, arrivalDate, outcome, summary: summaryOf(outcome, economy, rules), rules };
}
