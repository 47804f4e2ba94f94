/**
 * The parts of `@passage/rules` that run in a browser: the rule set parser, the CertLogic evaluation
 * and the report facts it reads. Reached by path because the package's entry point also loads its
 * signing code (`@passage/trust`, `node:crypto`); they read `documentProofSchema` from the
 * browser-safe `@passage/trust/pure`.
 */
export {
  type EntryOutcome,
  type EntryVerdict,
  entryVerdict,
} from '../../../rules/src/entry-verdict.js';
export { RulesError } from '../../../rules/src/errors.js';
export {
  type EntryRulesVerdict,
  evaluateEntryRules,
} from '../../../rules/src/evaluate.js';
export { entryRulesInputOf } from '../../../rules/src/from-report.js';
export { parseRuleSet } from '../../../rules/src/parse.js';
export type { RuleSet } from '../../../rules/src/schema.js';
