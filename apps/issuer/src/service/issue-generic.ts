import { randomUUID } from 'node:crypto';
import { issueCredential, MAX_JSON_DEPTH, withinJsonDepth } from '@passage/credentials';
import { checkCredentialModel, credentialTypeOf, parseSubject } from '@passage/schema';
import { z } from 'zod';
import { IssuerError, type ProblemDetail } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import { issuesToDetails, subjectIssuesToDetails } from './details.js';
import { assertScope, type IssueOptions } from './issue-typed.js';
import { type IssuedCredential, replayFor, requestHash } from './persist.js';
import { issueWithStatus } from './status-issue.js';

/** The VC-API issue request: `{credential, options}`. Options this issuer does not know are ignored. */
export const vcApiIssueRequestSchema = z.strictObject({
  credential: z.record(z.string(), z.unknown()),
  options: z
    .object({ format: z.enum(['vc+jwt', 'jwt']).optional(), credentialId: z.string().optional() })
    .optional(),
});

/**
 * What this issuer reads of an unsecured credential, once `checkCredentialModel` (the VC Data Model
 * 2.0 rules) has passed it; anything else in it is signed as sent.
 */
const unsecuredCredentialSchema = z.looseObject({
  '@context': z.array(z.unknown()),
  id: z.string().optional(),
  type: z.array(z.string()),
  issuer: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  credentialSubject: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))]),
  credentialStatus: z.unknown().optional(),
});

type UnsecuredCredential = z.infer<typeof unsecuredCredentialSchema>;

/** The checks this issuer adds to the data model's before signing, as problem details. */
function issuerRefusals(credential: Record<string, unknown>, passageType: boolean): ProblemDetail[] {
  const refusals: ProblemDetail[] = [];
  if ('proof' in credential)
    refusals.push({ path: 'credential.proof', message: 'must not be secured already' });
  // VC-JOSE-COSE: the claims of a vc+jwt are the credential, and `vc`/`vp` claims must not appear.
  for (const claim of ['vc', 'vp'] as const) {
    if (claim in credential) refusals.push({ path: `credential.${claim}`, message: 'must not be present' });
  }
  const status = credential.credentialStatus;
  const entries = status === undefined ? [] : Array.isArray(status) ? status : [status];
  const bitstring = (e: unknown) =>
    typeof e === 'object' &&
    e !== null &&
    [(e as { type?: unknown }).type].flat().includes('BitstringStatusListEntry');
  // Revocation and suspension entries are this issuer's own; a Passage credential carries no other.
  if (passageType ? entries.length > 0 : entries.some(bitstring)) {
    refusals.push({ path: 'credential.credentialStatus', message: 'is assigned by the issuer' });
  }
  return refusals;
}

/**
 * The issuer as signed: the authority's DID, in the form sent (a URL, or an object whose other members,
 * such as `name`, are kept). A VC-API issuer instance signs as itself whatever issuer the request names.
 */
function issuerAs(did: string, given: UnsecuredCredential['issuer']): string | Record<string, unknown> {
  return typeof given === 'object' ? { ...given, id: did } : did;
}

/**
 * Issues any VC Data Model 2.0 credential an authority sends (VC-API `POST /credentials/issue`). The
 * issuer becomes the authority's DID; Passage's own types are held to their schemas and scopes.
 */
export async function issueGeneric(
  ctx: IssuerContext,
  caller: Caller,
  body: unknown,
  options: Pick<IssueOptions, 'idempotencyKey'> = {},
): Promise<IssuedCredential> {
  const request = vcApiIssueRequestSchema.safeParse(body);
  if (!request.success)
    throw new IssuerError(
      'MALFORMED_INPUT',
      'the request must be {credential, options}',
      issuesToDetails(request.error),
    );
  // What verifiers refuse to decode (their reports echo the credential) is not signed either.
  if (!withinJsonDepth(request.data.credential))
    throw new IssuerError('SCHEMA_INVALID', `the credential nests deeper than ${MAX_JSON_DEPTH} levels`, [
      { path: 'credential', message: `must nest at most ${MAX_JSON_DEPTH} levels` },
    ]);
  const model = checkCredentialModel(request.data.credential, { issuerOptional: true });
  if (model.length > 0)
    throw new IssuerError(
      'SCHEMA_INVALID',
      'the credential is not a valid VC 2.0 credential',
      model.map((i) => ({
        path: ['credential', i.path].filter((p) => p !== '').join('.'),
        message: i.message,
      })),
    );
  const read = unsecuredCredentialSchema.safeParse(request.data.credential);
  if (!read.success)
    throw new IssuerError(
      'SCHEMA_INVALID',
      'the credential is not a valid VC 2.0 credential',
      issuesToDetails(read.error),
    );
  const credential = read.data;
  const refusals = issuerRefusals(credential, credentialTypeOf(credential.type) !== undefined);
  if (refusals.length > 0)
    throw new IssuerError('SCHEMA_INVALID', 'the credential is not one this issuer signs', refusals);
  const now = ctx.clock();
  const validFrom = credential.validFrom ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (credential.validUntil !== undefined && Date.parse(credential.validUntil) < Date.parse(validFrom)) {
    throw new IssuerError('SCHEMA_INVALID', 'the credential would expire before it is valid', [
      { path: 'credential.validUntil', message: 'must not be before validFrom (now, when not given)' },
    ]);
  }
  const ourType = credentialTypeOf(credential.type);
  if (ourType) {
    assertScope(caller, ourType);
    const subject = parseSubject(ourType, credential.credentialSubject, { issuedAt: new Date(validFrom) });
    if (!subject.ok)
      throw new IssuerError(
        'SCHEMA_INVALID',
        `the ${ourType} subject is not valid`,
        subjectIssuesToDetails(subject.issues, 'credential.credentialSubject'),
      );
  }
  const format = request.data.options?.format ?? 'vc+jwt';
  const hash = requestHash(`generic ${format}`, request.data);
  const replay = await replayFor(ctx, caller, options.idempotencyKey, hash);
  if (replay) return replay;
  const id = credential.id ?? request.data.options?.credentialId ?? `urn:uuid:${randomUUID()}`;
  return issueWithStatus(ctx, caller, { key: options.idempotencyKey, hash }, async (credentialStatus) => {
    const given = credential.credentialStatus;
    const theirs = given === undefined ? [] : Array.isArray(given) ? given : [given];
    const signed = {
      ...credential,
      id,
      issuer: issuerAs(caller.authority.did, credential.issuer),
      validFrom,
      credentialStatus: [...theirs, ...credentialStatus],
    };
    const jws = await issueCredential(ctx.agent, { credential: signed, format });
    return {
      id,
      type: ourType ?? credential.type.find((t) => t !== 'VerifiableCredential') ?? 'VerifiableCredential',
      format,
      jws,
      issuedAt: now,
      validFrom: new Date(validFrom),
      validUntil: credential.validUntil ? new Date(credential.validUntil) : undefined,
      subject: credential.credentialSubject,
    };
  });
}
