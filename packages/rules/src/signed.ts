import {
  type OperatorPrivateJwk,
  type OperatorPublicJwk,
  signDocument,
  verifySignedDocument,
} from '@passage/trust';
import { RulesError } from './errors.js';
import { parseRuleSet } from './parse.js';
import type { RuleSet, SignedRuleSet } from './schema.js';

/** The JWS `typ` of a signed rule set. */
export const RULES_DOCUMENT_TYPE = 'passage-rules+json';

/**
 * Signs a rule set with the operator's key, after checking it as a verifier would. `issuedAt` becomes
 * `now`; with `bumpVersion` the version goes up by one, so verifiers holding the old set take the new one.
 *
 * @throws {RulesError} `RULES_INVALID` when the rule set is malformed.
 * @example
 * const signed = signRuleSet(JSON.parse(text), privateJwk, { bumpVersion: true });
 */
export function signRuleSet(
  document: unknown,
  privateJwk: OperatorPrivateJwk,
  options: { now?: Date; bumpVersion?: boolean } = {},
): SignedRuleSet {
  const { proof: _old, ...ruleSet } = parseRuleSet(document);
  const now = options.now ?? new Date();
  const body: RuleSet = {
    ...ruleSet,
    version: options.bumpVersion ? ruleSet.version + 1 : ruleSet.version,
    issuedAt: now.toISOString(),
  };
  return signDocument(body, privateJwk, { typ: RULES_DOCUMENT_TYPE, now });
}

function sameContent(a: RuleSet, b: RuleSet): boolean {
  if (a.proof !== undefined && a.proof.jws === b.proof?.jws) return true;
  const { proof: _a, ...bodyA } = a;
  const { proof: _b, ...bodyB } = b;
  return JSON.stringify(bodyA) === JSON.stringify(bodyB);
}

/**
 * Accepts a signed rule set from untrusted JSON: signed by a pinned operator key, well formed (every
 * rule's logic validated), not past its `validUntil`, and not older than the rule set already held (a
 * different set under the same version is refused too). Keep the held set when this throws.
 *
 * @throws {RulesError} `RULES_SIGNATURE_INVALID`, `RULES_INVALID`, `RULES_EXPIRED` or `RULES_ROLLBACK`.
 * @example
 * held = verifyRuleSet(JSON.parse(text), operatorPublicJwk, { now: new Date(), held });
 */
export function verifyRuleSet(
  document: unknown,
  pinned: OperatorPublicJwk | readonly OperatorPublicJwk[],
  options: { now: Date; held?: RuleSet | undefined },
): SignedRuleSet {
  const signature = verifySignedDocument(document, pinned, { typ: RULES_DOCUMENT_TYPE });
  if (!signature.ok)
    throw new RulesError('RULES_SIGNATURE_INVALID', `rule set refused: ${signature.message}`);
  const ruleSet = parseRuleSet(document);
  if (ruleSet.proof === undefined) throw new RulesError('RULES_SIGNATURE_INVALID', 'rule set is not signed');
  if (ruleSet.validUntil !== undefined && Date.parse(ruleSet.validUntil) <= options.now.getTime())
    throw new RulesError('RULES_EXPIRED', 'rule set is past its validUntil');
  const { held } = options;
  if (held !== undefined) {
    if (ruleSet.version < held.version)
      throw new RulesError('RULES_ROLLBACK', 'rule set is older than the one held');
    if (ruleSet.version === held.version && !sameContent(ruleSet, held))
      throw new RulesError('RULES_ROLLBACK', 'rule set differs from the one held under the same version');
  }
  return { ...ruleSet, proof: ruleSet.proof };
}
