import { createHash } from 'node:crypto';
import { encodeQrText } from '@passage/credentials';
import {
  type CredentialFormat,
  type CredentialRecord,
  credentialDigest,
  findByIdempotencyKey,
  insertCredential,
  isIssuerDbError,
  type NewCredential,
} from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';

/** A credential the issuer has signed and recorded. */
export interface IssuedCredential {
  id: string;
  type: string;
  /** `vc+jwt` or `jwt`; `dcc` and `shc` for an EU DCC or SMART Health Card, whose text is in `jws`. */
  format: CredentialFormat;
  jws: string;
  qr: string;
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date | undefined;
  /** True when an Idempotency-Key retry returned the credential issued the first time. */
  replayed: boolean;
}

/** The QR text of an issued credential: Passage's compressed form, or the DCC/SHC text as it is. */
export function qrTextOf(format: CredentialFormat, text: string): string {
  return format === 'dcc' || format === 'shc' ? text : encodeQrText(text);
}

/** The fingerprint of a request, to tell a retry from a different request reusing the key. */
export function requestHash(kind: string, body: unknown): string {
  return createHash('sha256').update(kind).update('\n').update(JSON.stringify(body)).digest('hex');
}

/** The issued credential a stored record stands for, opening its sealed JWS. */
export function fromRecord(
  ctx: IssuerContext,
  record: CredentialRecord,
  replayed: boolean,
): IssuedCredential {
  const jws = ctx.box.open(record.jws, record.id);
  return {
    id: record.id,
    type: record.type,
    format: record.format,
    jws,
    qr: qrTextOf(record.format, jws),
    issuedAt: record.issuedAt,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    replayed,
  };
}

/** The credential an earlier request with this Idempotency-Key issued, or 409 if that request differed. */
export async function replayFor(
  ctx: IssuerContext,
  caller: Caller,
  key: string | undefined,
  hash: string | undefined,
): Promise<IssuedCredential | undefined> {
  if (key === undefined) return undefined;
  const earlier = await findByIdempotencyKey(ctx.db, caller.authority.id, key);
  if (!earlier) return undefined;
  if (earlier.requestHash !== hash) {
    throw new IssuerError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request');
  }
  return fromRecord(ctx, earlier, true);
}

/** A signed credential before it is recorded, with the person's data it was made from. */
export type SignedCredential = Omit<IssuedCredential, 'replayed' | 'qr'> & { subject: unknown };

/** An Idempotency-Key (if any) and the hash of the request that carried it (needed with a key only). */
export interface Idempotency {
  key: string | undefined;
  hash: string | undefined;
}

/**
 * The row a signed credential is recorded as. The JWS is sealed under the configuration secret (it
 * carries the person's data); the subject is kept in clear only when the authority asks for it.
 */
export function credentialRowInput(
  ctx: IssuerContext,
  caller: Caller,
  issued: SignedCredential,
  idempotency: Idempotency,
): NewCredential & { storePersonalData: boolean } {
  return {
    id: issued.id,
    authorityId: caller.authority.id,
    type: issued.type,
    format: issued.format,
    jws: ctx.box.seal(issued.jws, issued.id),
    digest: credentialDigest(issued.jws),
    issuedAt: issued.issuedAt,
    validFrom: issued.validFrom,
    validUntil: issued.validUntil,
    subject: issued.subject,
    idempotencyKey: idempotency.key,
    requestHash: idempotency.hash,
    storePersonalData: caller.authority.storePersonalData,
  };
}

/**
 * What a refused recording answers: a concurrent retry with the same Idempotency-Key lost the race and
 * answers the winner's credential; anything else is thrown again.
 */
export async function winnerOrThrow(
  ctx: IssuerContext,
  caller: Caller,
  idempotency: Idempotency,
  error: unknown,
): Promise<IssuedCredential> {
  if (isIssuerDbError(error, 'IDEMPOTENCY_CONFLICT')) {
    const winner = await replayFor(ctx, caller, idempotency.key, idempotency.hash);
    if (winner) return winner;
  }
  throw error;
}

/** The answer for a credential just recorded. */
export function recorded(issued: SignedCredential, qr: string): IssuedCredential {
  const { subject: _subject, ...rest } = issued;
  return { ...rest, qr, replayed: false };
}

/**
 * Records a signed credential that carries no status entry (EU DCC, SMART Health Cards); see
 * {@link credentialRowInput}. A concurrent retry with the same Idempotency-Key answers the winner's.
 */
export async function persist(
  ctx: IssuerContext,
  caller: Caller,
  issued: SignedCredential,
  idempotency: Idempotency,
): Promise<IssuedCredential> {
  const qr = qrTextOf(issued.format, issued.jws);
  try {
    await insertCredential(ctx.db, credentialRowInput(ctx, caller, issued, idempotency));
  } catch (error) {
    return winnerOrThrow(ctx, caller, idempotency, error);
  }
  return recorded(issued, qr);
}
