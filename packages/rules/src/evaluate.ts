import { type CredentialType, isoDateSchema, isoDateTimeSchema } from '@passage/schema';
import { type EvaluationData, type ExternalData, evaluationData } from './data.js';
import { type CompiledLogic, compileLogic } from './internal/compile.js';
import { selectRulesHeld } from './internal/select.js';
import type { EntryRule, RuleSet } from './schema.js';

/** How one rule came out: `not-yet-valid` rules are published ahead of time and do not decide. */
export type RuleOutcome = 'pass' | 'fail' | 'error' | 'not-yet-valid';

/**
 * The verdict on the entry rules: `fail` when any rule in force fails, else `error` when any could not be
 * evaluated, else `pass`; `no-rules` when the economy has no rule in force for this credential type.
 */
export type EntryRulesOutcome = 'pass' | 'fail' | 'no-rules' | 'error';

/** Why no rule could be evaluated on the input. */
export type EntryRulesErrorCode = 'DATA_INVALID' | 'DATA_TOO_LARGE' | 'ARRIVAL_INVALID';

/** One rule's outcome, in words an officer can read. */
export interface RuleResult {
  id: string;
  version: string;
  outcome: RuleOutcome;
  /** What the rule requires, in the requested language (English when it has none). */
  description: string;
  /** The outcome and the requirement as one sentence: "Met: …", "Not met: …". */
  text: string;
  validFrom: string;
  validTo?: string;
  affectedFields?: string[];
}

/** Whether a credential meets an economy's entry rules, rule by rule. */
export interface EntryRulesVerdict {
  economy: string;
  credentialType: CredentialType;
  /** The arrival as used by the rules (ISO 8601 UTC). */
  arrivalDate: string;
  ruleSetVersion: number;
  outcome: EntryRulesOutcome;
  results: RuleResult[];
  /** Set when the input itself could not be evaluated (every rule in force is then `error`). */
  error?: { code: EntryRulesErrorCode; message: string };
}

/** What to judge: the credential's data and the verifier's facts. */
export interface EntryRulesInput {
  credentialType: CredentialType;
  /** A canonical vaccination record (or a Passage vaccination subject), or a travel card subject. */
  data: unknown;
  /** The verifying economy, ISO 3166-1 alpha-3. */
  economy: string;
  /** The arrival: an ISO date (its start in UTC) or date-time with offset. */
  arrivalDate: string;
  /** The validation clock: which rule versions are in force. */
  now: Date;
  /** The language of descriptions, a key of the rules' `description`; English by default. */
  language?: string;
}

const PREFIX: Record<RuleOutcome, string> = {
  pass: 'Met',
  fail: 'Not met',
  error: 'Could not be checked',
  'not-yet-valid': 'Not in force yet',
};

/**
 * True for a date-time as `Date#toISOString` writes it for years 0000–9999 (what the verifier passes
 * by default): such a string is a valid ISO 8601 date-time that normalises to itself, so the two zod
 * checks below would accept it and answer it unchanged.
 */
function isCanonicalInstant(value: string): boolean {
  if (value.length !== 24 || value.charCodeAt(23) !== 90 /* Z */) return false;
  const instant = new Date(value);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === value;
}

// The last arrival normalised: a verifier passes the same arrival (or its clock's instant) for a
// stretch of scans, and the answer is a pure function of the text.
let lastArrival: { value: string; normalised: string | undefined } | undefined;

function normaliseArrival(value: string): string | undefined {
  if (lastArrival?.value !== value) lastArrival = { value, normalised: normalised(value) };
  return lastArrival.normalised;
}

function normalised(value: string): string | undefined {
  if (isCanonicalInstant(value)) return value;
  if (isoDateSchema.safeParse(value).success) return `${value}T00:00:00.000Z`;
  if (!isoDateTimeSchema.safeParse(value).success) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

// Each rule's logic compiled once: a rule set is not changed once read.
const compiled = new WeakMap<EntryRule, CompiledLogic>();

function logicOf(rule: EntryRule): CompiledLogic {
  let logic = compiled.get(rule);
  if (logic === undefined) {
    logic = compileLogic(rule.logic);
    compiled.set(rule, logic);
  }
  return logic;
}

function runLogic(rule: EntryRule, data: EvaluationData | undefined): RuleOutcome {
  if (data === undefined) return 'error';
  try {
    const value: unknown = logicOf(rule)(data);
    if (value === true) return 'pass';
    return value === false ? 'fail' : 'error'; // a rule must answer true or false
  } catch {
    return 'error'; // certlogic-js throws on data of the wrong type; its messages may quote the data
  }
}

function resultOf(rule: EntryRule, outcome: RuleOutcome, language: string): RuleResult {
  const description = rule.description[language] ?? rule.description.en;
  const prefix =
    outcome === 'not-yet-valid' ? `${PREFIX[outcome]} (from ${rule.validFrom})` : PREFIX[outcome];
  const result: RuleResult = {
    id: rule.id,
    version: rule.version,
    outcome,
    description,
    text: `${prefix}: ${description}`,
    validFrom: rule.validFrom,
  };
  if (rule.validTo !== undefined) result.validTo = rule.validTo;
  if (rule.affectedFields !== undefined) result.affectedFields = rule.affectedFields;
  return result;
}

function overall(results: readonly RuleResult[]): EntryRulesOutcome {
  let deciding = false;
  let error = false;
  for (const { outcome } of results) {
    if (outcome === 'fail') return 'fail';
    if (outcome !== 'not-yet-valid') deciding = true;
    if (outcome === 'error') error = true;
  }
  if (!deciding) return 'no-rules';
  return error ? 'error' : 'pass';
}

/**
 * Judges credential data against a rule set's rules for one economy and credential type. Never throws
 * for bad data: a rule that cannot be evaluated is an `error` result. The rule set must already be
 * trusted (see `verifyRuleSet`).
 *
 * @example
 * const verdict = evaluateEntryRules(ruleSet, {
 *   credentialType: 'VaccinationCertificate', data: report.record, economy: 'THA',
 *   arrivalDate: '2025-06-01', now: new Date(),
 * });
 * if (verdict.outcome === 'fail') showToOfficer(verdict.results.filter((r) => r.outcome === 'fail'));
 */
export function evaluateEntryRules(ruleSet: RuleSet, input: EntryRulesInput): EntryRulesVerdict {
  const economy = input.economy.toUpperCase();
  const { inForce, upcoming } = selectRulesHeld(ruleSet.rules, {
    economy,
    credentialType: input.credentialType,
    now: input.now,
  });
  const arrivalDate = normaliseArrival(input.arrivalDate);
  let data: EvaluationData | undefined;
  let error: EntryRulesVerdict['error'];
  if (arrivalDate === undefined) {
    error = { code: 'ARRIVAL_INVALID', message: 'arrival date must be an ISO 8601 date or date-time' };
  } else {
    const external: ExternalData = {
      validationClock: input.now.toISOString(),
      arrivalDate,
      economy,
      valueSets: ruleSet.valueSets ?? {},
    };
    const built = evaluationData(input.credentialType, input.data, external);
    if (built.ok) data = built.data;
    else error = { code: built.code, message: `credential data cannot be evaluated (${built.code})` };
  }
  const language = input.language ?? 'en';
  const results: RuleResult[] = [];
  for (const rule of inForce) results.push(resultOf(rule, runLogic(rule, data), language));
  for (const rule of upcoming) results.push(resultOf(rule, 'not-yet-valid', language));
  return {
    economy,
    credentialType: input.credentialType,
    arrivalDate: arrivalDate ?? input.arrivalDate,
    ruleSetVersion: ruleSet.version,
    outcome: overall(results),
    results,
    ...(error === undefined ? {} : { error }),
  };
}
