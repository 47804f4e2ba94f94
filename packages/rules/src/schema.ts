import { apecAlpha3Schema, credentialTypeSchema, isoDateTimeSchema } from '@passage/schema';
import { documentProofSchema } from '@passage/trust/pure';
import { z } from 'zod';
import { logicProblems } from './internal/logic.js';
import { SEMVER } from './internal/semver.js';

/** The `type` of a rule set document. */
export const RULE_SET_TYPE = 'PassageEntryRules';

const text = z.string().trim().min(1).max(500);

/**
 * What a rule says, per language (BCP 47 tag → text). English is required: it is what an officer reads,
 * and what the report shows beside "met" or "not met".
 */
export const ruleDescriptionSchema = z
  .object({ en: text })
  .catchall(text)
  .refine((d) => Object.keys(d).every((tag) => /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)), {
    message: 'keys must be language tags',
  });

/** CertLogic logic, checked with certlogic-js's validator when the rule set is read. */
export const ruleLogicSchema = z.unknown().superRefine((logic, ctx) => {
  for (const problem of logicProblems(logic)) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * One entry rule: an economy's requirement on one credential type, with a validity window so that a
 * new version can be published ahead of the day it applies. Shaped after the EU DCC business rules
 * (Identifier, Version, Country, CertificateType, Description, ValidFrom, ValidTo, AffectedFields, Logic).
 */
export const entryRuleSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes'),
    version: z.string().regex(SEMVER, 'must be a semantic version'),
    economy: apecAlpha3Schema,
    credentialType: credentialTypeSchema,
    description: ruleDescriptionSchema,
    validFrom: isoDateTimeSchema,
    validTo: isoDateTimeSchema.optional(),
    affectedFields: z.array(z.string().min(1).max(200)).max(50).optional(),
    logic: ruleLogicSchema,
  })
  .refine((r) => r.validTo === undefined || Date.parse(r.validTo) > Date.parse(r.validFrom), {
    message: 'must end after it starts',
    path: ['validTo'],
  });

/** Named lists of codes the rules refer to as `external.valueSets.<name>`. */
export const valueSetsSchema = z
  .record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/), z.array(z.string().min(1).max(100)).max(1000))
  .refine((sets) => Object.values(sets).reduce((n, codes) => n + codes.length, 0) <= 10_000, {
    message: 'holds more than 10000 codes',
  });

/** A rule set document, with or without its `proof`. */
export const ruleSetSchema = z
  .strictObject({
    type: z.literal(RULE_SET_TYPE),
    schemaVersion: z.literal(1),
    version: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    issuedAt: isoDateTimeSchema,
    validUntil: isoDateTimeSchema.optional(),
    valueSets: valueSetsSchema.optional(),
    rules: z.array(entryRuleSchema).max(500),
    proof: documentProofSchema.optional(),
  })
  .refine((s) => new Set(s.rules.map((r) => `${r.id}@${r.version}`)).size === s.rules.length, {
    message: 'names a rule version twice',
    path: ['rules'],
  });

/** One entry rule. */
export type EntryRule = z.infer<typeof entryRuleSchema>;
/** A rule set document; `proof` is present once it is signed. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** A signed rule set document. */
export type SignedRuleSet = RuleSet & { proof: NonNullable<RuleSet['proof']> };
/** Named lists of codes. */
export type ValueSets = z.infer<typeof valueSetsSchema>;
