import {
  type CredentialType,
  checkCredentialModel,
  credentialTypeOf,
  parseSubjectCompiled,
  type TypedSubject,
  VC_V2_CONTEXT_URL,
} from '@passage/schema';
import type { Check } from '../report.js';
import type { SecuredCredential } from './claims.js';

const VC_V1_CONTEXT_URL = 'https://www.w3.org/2018/credentials/v1';

/** The outcome of the schema check, with the typed subject when the credential is one of ours. */
export interface SchemaOutcome {
  check: Check;
  message?: string;
  credentialType?: CredentialType;
  subject?: TypedSubject;
}

const fail = (message: string, credentialType?: CredentialType): SchemaOutcome => ({
  check: { ok: false, code: 'SCHEMA_INVALID' },
  message,
  ...(credentialType === undefined ? {} : { credentialType }),
});

/**
 * Checks the credential's data model (VC 2.0 for vc+jwt and vc+cose, 1.1 for JWT) and, for Passage types, the
 * subject against its schema (compiled; zod decides what the compiled check leaves) and meaning rules as of the credential's issuance.
 */
export function checkSchema(secured: SecuredCredential, now: number): SchemaOutcome {
  const { credential } = secured;
  const contexts = credential['@context'];
  // VC 2.0 for vc+jwt and vc+cose alike; VC 1.1 for a JWT with a `vc` claim.
  const v2 = secured.securing !== 'jwt';
  const expected = v2 ? VC_V2_CONTEXT_URL : VC_V1_CONTEXT_URL;
  if (!Array.isArray(contexts) || contexts[0] !== expected)
    return fail(`the first @context must be ${expected}`);
  if (v2) {
    // The VC Data Model 2.0's own rules (identifiers, types, issuer, subjects, dates, typed members).
    const issues = checkCredentialModel(credential);
    if (issues.length > 0) {
      const paths = [...new Set(issues.map((i) => i.path || '(root)'))].slice(0, 5).join(', ');
      return fail(`the credential breaks the VC Data Model 2.0 at ${paths}`);
    }
  }
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  if (!types.includes('VerifiableCredential')) return fail('type must include VerifiableCredential');
  const subject = credential.credentialSubject;
  if (typeof subject !== 'object' || subject === null) return fail('credentialSubject must be an object');
  const credentialType = credentialTypeOf(types);
  if (credentialType === undefined) return { check: { ok: true } };
  const issuedAt = new Date(secured.validFrom ?? now);
  const parsed = parseSubjectCompiled(credentialType, subject, { issuedAt });
  if (!parsed.ok) {
    const paths = [...new Set(parsed.issues.map((i) => i.path || '(root)'))].slice(0, 5).join(', ');
    return fail(`credentialSubject does not match the ${credentialType} schema at ${paths}`, credentialType);
  }
  return { check: { ok: true }, credentialType, subject: parsed.value };
}
