import { randomUUID } from 'node:crypto';
import {
  type FormatIssueError,
  isFormatIssueError,
  issueDcc,
  issueShc,
  shcPublicJwk,
} from '@passage/formats';
import { type VaccinationSubject, vaccinationRecordFromSubject } from '@passage/schema';
import { IssuerError, type IssuerErrorCode } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import { subjectIssuesToDetails } from './details.js';
import { currentDsc, foreignSigningKey, requireP256, shcIssuerUrl } from './foreign-keys.js';
import { assertScope, complete, type IssueOptions } from './issue-typed.js';
import { type IssuedCredential, persist, replayFor, requestHash } from './persist.js';

/** The foreign formats a vaccination certificate can also be issued in. */
export type ForeignFormat = 'dcc' | 'shc';

const TYPE = 'VaccinationCertificate';

const CODES: Record<FormatIssueError['code'], IssuerErrorCode> = {
  VALUE_NOT_MAPPED: 'VALUE_NOT_MAPPED',
  VALUE_MISSING: 'VALUE_MISSING',
  PAYLOAD_INVALID: 'SCHEMA_INVALID',
  TOO_LARGE: 'CREDENTIAL_TOO_LARGE',
  SIGNATURE_FORMAT: 'INTERNAL',
  INVALID_ARGUMENT: 'INTERNAL',
  CERTIFICATE_INVALID: 'DSC_INVALID',
};

/** A format's refusal as the issuer's error; the detail names the record field, never its value. */
function asIssuerError(error: FormatIssueError): IssuerError {
  const details = error.field === undefined ? [] : [{ path: error.field, message: error.message }];
  return new IssuerError(CODES[error.code], error.message, details);
}

async function sign(
  ctx: IssuerContext,
  caller: Caller,
  format: ForeignFormat,
  subject: VaccinationSubject,
  period: { issuedAt: Date; validUntil: Date },
): Promise<{ text: string; validUntil: Date }> {
  const { publicKey, signer } = await foreignSigningKey(ctx, caller.authority);
  const record = vaccinationRecordFromSubject(subject);
  if (format === 'shc') {
    const iss = shcIssuerUrl(ctx, caller.authority.slug);
    const kid = shcPublicJwk(publicKey).kid;
    const text = await issueShc({ record, signer, kid, iss, nbf: period.issuedAt, exp: period.validUntil });
    return { text, validUntil: period.validUntil };
  }
  const dsc = await currentDsc(ctx, caller.authority);
  // A DCC may not outlive its DSC: verifiers refuse one that does (CERTIFICATE_EXPIRED).
  const exp = new Date(Math.min(period.validUntil.getTime(), dsc.notAfter.getTime()));
  const text = await issueDcc({
    record,
    issuerName: caller.authority.name,
    signer,
    kid: Buffer.from(dsc.kid, 'base64'),
    country: dsc.country,
    iat: period.issuedAt,
    exp,
  });
  return { text, validUntil: exp };
}

/**
 * Issues a vaccination certificate as an EU DCC (`HC1:`) or a SMART Health Card (`shc:/`) from the
 * same subject data as the Passage credential, signed with the authority's P-256 key. Recorded and
 * replayed by Idempotency-Key like a Passage credential, sealed the same way. These formats carry no
 * W3C status list entry, so no status index is allocated.
 */
export async function issueForeign(
  ctx: IssuerContext,
  caller: Caller,
  format: ForeignFormat,
  body: unknown,
  options: Pick<IssueOptions, 'idempotencyKey'> = {},
): Promise<IssuedCredential> {
  assertScope(caller, TYPE);
  requireP256(caller.authority);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new IssuerError('MALFORMED_INPUT', 'the request body must be a JSON object');
  }
  const hash = requestHash(`${TYPE} ${format}`, body);
  const replay = await replayFor(ctx, caller, options.idempotencyKey, hash);
  if (replay) return replay;
  const issuedAt = ctx.clock();
  const completed = complete(TYPE, body, caller, issuedAt);
  if (!completed.ok) {
    const details = subjectIssuesToDetails(completed.issues);
    throw new IssuerError('SCHEMA_INVALID', 'the vaccination certificate is not valid', details);
  }
  const { subject, validFrom, validUntil } = completed.value;
  let signed: { text: string; validUntil: Date };
  try {
    signed = await sign(ctx, caller, format, subject as VaccinationSubject, {
      issuedAt,
      validUntil: new Date(validUntil),
    });
  } catch (error) {
    throw isFormatIssueError(error) ? asIssuerError(error) : error;
  }
  return persist(
    ctx,
    caller,
    {
      id: `urn:uuid:${randomUUID()}`,
      type: TYPE,
      format,
      jws: signed.text,
      issuedAt,
      validFrom: new Date(validFrom),
      validUntil: signed.validUntil,
      subject,
    },
    { key: options.idempotencyKey, hash },
  );
}
