import { findApecEconomy } from '@passage/schema';
import type { VerificationReport } from './credentials.js';
import { type EntryRulesVerdict, entryRulesInputOf, evaluateEntryRules, type RuleSet } from './rules.js';

/**
 * "Does this traveller meet the entry rules of economy X?", apart from "is the credential authentic?",
 * with the outcomes and sentences of the verifier service (apps/verifier/src/entry-verdict.ts).
 */
export type EntryOutcome = 'meets' | 'does-not-meet' | 'not-authentic' | 'no-rules' | 'cannot-evaluate';

/** The entry verdict for one economy and arrival date, with each rule's outcome in words. */
export interface EntryVerdict {
  economy: string;
  arrivalDate: string;
  outcome: EntryOutcome;
  summary: string;
  rules?: EntryRulesVerdict;
}

const nameOf = (economy: string) => findApecEconomy(economy)?.name ?? economy;

function outcomeOf(report: VerificationReport, rules: EntryRulesVerdict): EntryOutcome {
  if (!report.verified) return 'not-authentic';
  if (rules.outcome === 'pass') return 'meets';
  if (rules.outcome === 'fail') return 'does-not-meet';
  return rules.outcome === 'no-rules' ? 'no-rules' : 'cannot-evaluate';
}

function summaryOf(outcome: EntryOutcome, economy: string, rules?: EntryRulesVerdict): string {
  const name = nameOf(economy);
  const inForce = rules?.results.filter((r) => r.outcome !== 'not-yet-valid') ?? [];
  const met = inForce.filter((r) => r.outcome === 'pass').length;
  switch (outcome) {
    case 'meets':
      return `Meets the entry rules of ${name} (${met} of ${inForce.length} met).`;
    case 'does-not-meet':
      return `Does not meet the entry rules of ${name} (${met} of ${inForce.length} met).`;
    case 'not-authentic':
      return `Not checked against the entry rules of ${name}: the credential did not verify.`;
    case 'no-rules':
      return `${name} has no entry rule in force for this credential.`;
    default:
      return `The entry rules of ${name} could not be evaluated on this credential.`;
  }
}

/** Evaluates the entry rules of `economy` for a report. Never throws. */
export function entryVerdict(
  report: VerificationReport,
  ruleSet: RuleSet | undefined,
  question: { economy: string; arrivalDate?: string | undefined },
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
  const rules = evaluateEntryRules(ruleSet, { ...input, economy, arrivalDate, now });
  const outcome = outcomeOf(report, rules);
  return { economy, arrivalDate, outcome, summary: summaryOf(outcome, economy, rules), rules };
}
