/**
 * Entry rules as data: signed, versioned CertLogic rules per economy and credential type, and a verdict
 * ("meets the entry rules of economy X") kept apart from authenticity. See README.md for the format.
 *
 * @packageDocumentation
 */
export {
  type DataProblem,
  type EvaluationData,
  type ExternalData,
  evaluationData,
  MAX_DATA_CHARS,
  type TravelCardDerived,
  type VaccinationDerived,
} from './data.js';
export {
  type EntryOutcome,
  type EntryQuestion,
  type EntryVerdict,
  entryVerdict,
  type VerifiedReportFacts,
} from './entry-verdict.js';
export { RULES_ERROR_CODES, RulesError, type RulesErrorCode } from './errors.js';
export {
  type EntryRulesErrorCode,
  type EntryRulesInput,
  type EntryRulesOutcome,
  type EntryRulesVerdict,
  evaluateEntryRules,
  type RuleOutcome,
  type RuleResult,
} from './evaluate.js';
export { exampleRuleSet } from './examples.js';
export { entryRulesInputOf, type ReportFacts } from './from-report.js';
export { parseRuleSet } from './parse.js';
export {
  type EntryRule,
  entryRuleSchema,
  RULE_SET_TYPE,
  type RuleSet,
  ruleSetSchema,
  type SignedRuleSet,
  type ValueSets,
} from './schema.js';
export { RULES_DOCUMENT_TYPE, signRuleSet, verifyRuleSet } from './signed.js';
