import { RulesError } from './errors.js';
import { type RuleSet, ruleSetSchema } from './schema.js';

/**
 * Reads a rule set document (signed or not) from untrusted JSON: its shape, every rule's CertLogic
 * logic (certlogic-js's validator and size bounds) and its value sets.
 *
 * @throws {RulesError} `RULES_INVALID`, with the first problem's path (never the document's content).
 */
export function parseRuleSet(document: unknown): RuleSet {
  const parsed = ruleSetSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'document' : issue.path.join('.');
  throw new RulesError('RULES_INVALID', `rule set is not valid: ${where}: ${issue?.message ?? 'bad shape'}`);
}
