import { randomUUID } from 'node:crypto';
import { issueCredential } from '@passage/credentials';
import { credentialTypeOf, parseSubject, VC_V2_CONTEXT_URL } from '@passage/schema';
import { z } from 'zod';
import { IssuerError } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import { issuesToDetails, subjectIssuesToDetails } from './details.js';
import { assertScope, type IssueOptions } from './issue-typed.js';
import { type IssuedCredential, replayFor, requestHash } from './persist.js';
import { issueWithStatus } from './status-issue.js';

const dateTimeStamp = z.iso.datetime({ offset: true });

/** The VC-API issue request: `{credential, options}`. Options this issuer does not know are ignored. */
export const vcApiIssueRequestSchema = z.strictObject({
  credential: z.record(z.string(), z.unknown()),
  options: z
    .object({ format: z.enum(['vc+jwt', 'jwt']).optional(), credentialId: z.string().optional() })
    .optional(),
});

/** The VC Data Model 2.0 rules an unsecured credential must meet before this issuer signs it. */
const unsecuredCredentialSchema = z
  .looseObject({
    '@context': z
      .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
      .refine((c) => c[0] === VC_V2_CONTEXT_URL, {
        message: `the first @context must be ${VC_V2_CONTEXT_URL}`,
      }),
    id: z.url().optional(),
    type: z
      .array(z.string())
      .refine((t) => t.includes('VerifiableCredential'), 'must include VerifiableCredential'),
    issuer: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
    validFrom: dateTimeStamp.optional(),
    validUntil: dateTimeStamp.optional(),
    credentialSubject: z.union([
      z.record(z.string(), z.unknown()),
      z.array(z.record(z.string(), z.unknown())).min(1),
    ]),
  })
  .refine((c) => !('proof' in c), { message: 'must not be secured already', path: ['proof'] })
  .refine((c) => !('credentialStatus' in c), {
    message: 'is assigned by the issuer',
    path: ['credentialStatus'],
  })
  .refine((c) => !c.validFrom || !c.validUntil || Date.parse(c.validFrom) < Date.parse(c.validUntil), {
    message: 'validUntil must be after validFrom',
    path: ['validUntil'],
  });

function issuerId(issuer: string | { id: string } | undefined): string | undefined {
  return typeof issuer === 'string' ? issuer : issuer?.id;
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
  const parsed = unsecuredCredentialSchema.safeParse(request.data.credential);
  if (!parsed.success)
    throw new IssuerError(
      'SCHEMA_INVALID',
      'the credential is not a valid VC 2.0 credential',
      issuesToDetails(parsed.error),
    );
  const credential = parsed.data;
  const given = issuerId(credential.issuer);
  if (given !== undefined && given !== caller.authority.did) {
    throw new IssuerError('SCHEMA_INVALID', "the credential's issuer must be the authority's DID", [
      { path: 'credential.issuer', message: 'is not this authority' },
    ]);
  }
  const now = ctx.clock();
  const validFrom = credential.validFrom ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z');
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
    const signed = {
      ...credential,
      id,
      issuer: credential.issuer ?? caller.authority.did,
      validFrom,
      credentialStatus,
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
