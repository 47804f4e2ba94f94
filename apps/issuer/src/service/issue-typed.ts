import { randomUUID } from 'node:crypto';
import { buildCredential, issueCredential, type SecuringFormat } from '@passage/credentials';
import {
  type CompletedSubject,
  type CredentialType,
  completeTravelCardInput,
  completeVaccinationInput,
  credentialSchemaPath,
  type Parsed,
  parseTravelCardInputCompiled,
  parseVaccinationInputCompiled,
} from '@passage/schema';
import { IssuerError } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import { issuesToDetails, subjectIssuesToDetails } from './details.js';
import { newCardNumber, newHcid } from './identifiers.js';
import { type IssuedCredential, replayFor, requestHash } from './persist.js';
import { issueWithStatus } from './status-issue.js';

/** Options of one issuance request. */
export interface IssueOptions {
  idempotencyKey?: string | undefined;
  format?: SecuringFormat | undefined;
}

/** Refuses a key that may not issue this type, or a request for another economy than the key's. */
export function assertScope(caller: Caller, type: string, economy?: string): void {
  if (!caller.types.includes(type)) throw new IssuerError('FORBIDDEN', `this API key may not issue ${type}`);
  if (economy !== undefined && economy !== caller.economy) {
    throw new IssuerError('FORBIDDEN', 'this API key may not issue for that economy');
  }
}

/** Parses and completes subject data as the issuer assigns it (scope, HCID or card number, economy, period). */
export function complete(
  type: CredentialType,
  body: unknown,
  caller: Caller,
  issuedAt: Date,
): Parsed<CompletedSubject<object>> {
  const economy = caller.economy;
  if (type === 'VaccinationCertificate') {
    const input = parseVaccinationInputCompiled(body);
    if (!input.success)
      throw new IssuerError(
        'SCHEMA_INVALID',
        'the vaccination certificate is not valid',
        issuesToDetails(input.error),
      );
    assertScope(caller, type, input.data.certificate?.issuer);
    return completeVaccinationInput(input.data, { issuedAt, hcid: newHcid(economy), economy });
  }
  const input = parseTravelCardInputCompiled(body);
  if (!input.success)
    throw new IssuerError('SCHEMA_INVALID', 'the travel card is not valid', issuesToDetails(input.error));
  assertScope(caller, type, input.data.issuingEconomy);
  return completeTravelCardInput(input.data, { issuedAt, cardNumber: newCardNumber(economy), economy });
}

/**
 * Checks subject data as {@link issueTyped} does, and completes it, without signing or recording
 * anything: also for a credential offer, whose credential is issued only when the wallet redeems it.
 */
export function checkTypedInput(
  caller: Caller,
  type: CredentialType,
  body: unknown,
  issuedAt: Date,
): CompletedSubject<object> {
  assertScope(caller, type);
  const completed = complete(type, body, caller, issuedAt);
  if (!completed.ok) {
    throw new IssuerError(
      'SCHEMA_INVALID',
      `the ${type} subject is not valid`,
      subjectIssuesToDetails(completed.issues),
    );
  }
  return completed.value;
}

/**
 * Issues a vaccination certificate or a business travel card from the subject data an authority
 * sent: checks scope and meaning, fills in what the issuer assigns, signs, records and encodes the QR.
 */
export async function issueTyped(
  ctx: IssuerContext,
  caller: Caller,
  type: CredentialType,
  body: unknown,
  options: IssueOptions = {},
): Promise<IssuedCredential> {
  assertScope(caller, type);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new IssuerError('MALFORMED_INPUT', 'the request body must be a JSON object');
  }
  const format = options.format ?? 'vc+jwt';
  // Only a retry compares hashes: without an Idempotency-Key the body is not serialised again.
  const hash = options.idempotencyKey === undefined ? undefined : requestHash(`${type} ${format}`, body);
  const replay = await replayFor(ctx, caller, options.idempotencyKey, hash);
  if (replay) return replay;
  const issuedAt = ctx.clock();
  const { subject, validFrom, validUntil } = checkTypedInput(caller, type, body, issuedAt);
  const id = `urn:uuid:${randomUUID()}`;
  return issueWithStatus(ctx, caller, { key: options.idempotencyKey, hash }, async (credentialStatus) => {
    const credential = buildCredential({
      type,
      issuer: caller.authority.did,
      subject,
      validFrom,
      validUntil,
      schemaUrl: `${ctx.publicUrl}/${credentialSchemaPath(type)}`,
      id,
      credentialStatus,
    });
    const jws = await issueCredential(ctx.agent, { credential: { ...credential }, format });
    return {
      id,
      type,
      format,
      jws,
      issuedAt,
      validFrom: new Date(validFrom),
      validUntil: new Date(validUntil),
      subject,
    };
  });
}
