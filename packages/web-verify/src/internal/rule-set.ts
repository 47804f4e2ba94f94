import type { OperatorPublicJwk as OperatorKey } from '@passage/trust/pure';
import { WebVerifyError } from '../errors.js';
import { parseRuleSet, type RuleSet, RulesError } from './rules.js';
import { verifySignedDocument } from './signed-document.js';

function sameContent(a: RuleSet, b: RuleSet): boolean {
  if (a.proof !== undefined && a.proof.jws === b.proof?.jws) return true;
  const { proof: _a, ...bodyA } = a;
  const { proof: _b, ...bodyB } = b;
  return JSON.stringify(bodyA) === JSON.stringify(bodyB);
}

/**
 * Accepts a signed rule set with the rules of `verifyRuleSet` (`@passage/rules`): signed by a pinned
 * operator key, well formed (each rule's logic validated), not past its `validUntil`, not older than
 * the set held nor different under the same version.
 *
 * @throws WebVerifyError `RULES_SIGNATURE_INVALID`, `RULES_INVALID`, `RULES_EXPIRED` or `RULES_ROLLBACK`.
 */
export async function acceptRuleSet(
  document: unknown,
  pinned: readonly OperatorKey[],
  options: { now: Date; held?: RuleSet | undefined },
): Promise<RuleSet> {
  const signature = await verifySignedDocument(document, pinned, 'passage-rules+json');
  if (!signature.ok)
    throw new WebVerifyError('RULES_SIGNATURE_INVALID', `rule set refused (${signature.code})`);
  let ruleSet: RuleSet;
  try {
    ruleSet = parseRuleSet(document);
  } catch (error) {
    if (error instanceof RulesError) throw new WebVerifyError(error.code, error.message);
    throw error;
  }
  if (ruleSet.validUntil !== undefined && Date.parse(ruleSet.validUntil) <= options.now.getTime())
    throw new WebVerifyError('RULES_EXPIRED', 'rule set is past its validUntil');
  const { held } = options;
  if (held !== undefined) {
    if (ruleSet.version < held.version)
      throw new WebVerifyError('RULES_ROLLBACK', 'rule set is older than the one held');
    if (ruleSet.version === held.version && !sameContent(ruleSet, held))
      throw new WebVerifyError('RULES_ROLLBACK', 'rule set differs from the one held under the same version');
  }
  return ruleSet;
}
