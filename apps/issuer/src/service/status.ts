import { z } from 'zod';
import {
  type AuditEntry,
  type CredentialState,
  type CredentialStatusRecord,
  changeCredentialStatus,
  findCredentialStatus,
  listAudit,
  type StatusAction,
  stateOf,
} from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import { issuesToDetails } from './details.js';

/** What an authority learns about one of its credentials' status. */
export interface CredentialStatusView {
  id: string;
  status: CredentialState;
  /** When the status last changed (issuance, when it never did). */
  changedAt: Date;
}

/** The body of revoke, suspend and reinstate: an optional reason, kept in the audit log. */
export const statusChangeBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(500).optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A credential id as given (`urn:uuid:…` or the bare UUID) in the form the issuer records. */
export function normalizeCredentialId(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : id;
}

function view(record: CredentialStatusRecord): CredentialStatusView {
  return { id: record.credentialId, status: stateOf(record), changedAt: record.changedAt };
}

function notFound(): IssuerError {
  return new IssuerError('NOT_FOUND', 'no such credential');
}

/** The status of one of the caller's credentials; another authority's is NOT_FOUND. */
export async function credentialStatus(
  ctx: IssuerContext,
  caller: Caller,
  id: string,
): Promise<CredentialStatusView> {
  const record = await findCredentialStatus(ctx.db, normalizeCredentialId(id), caller.authority.id);
  if (!record) throw notFound();
  return view(record);
}

/**
 * Revokes, suspends or reinstates one of the caller's credentials, visible in the next version of its
 * status list. Revocation is final. Asking for the state a credential already has answers it again
 * and records nothing.
 *
 * @throws IssuerError `NOT_FOUND` (also for another authority's credential), `CREDENTIAL_REVOKED` for
 *   suspending or reinstating a revoked credential, `MALFORMED_INPUT` for a bad body
 */
export async function changeStatus(
  ctx: IssuerContext,
  caller: Caller,
  id: string,
  action: StatusAction,
  body: unknown = {},
): Promise<CredentialStatusView> {
  const parsed = statusChangeBodySchema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new IssuerError(
      'MALFORMED_INPUT',
      'the body may only hold a reason',
      issuesToDetails(parsed.error),
    );
  }
  const outcome = await changeCredentialStatus(ctx.db, {
    credentialId: normalizeCredentialId(id),
    authorityId: caller.authority.id,
    action,
    actor: caller.keyId,
    reason: parsed.data.reason,
    now: ctx.clock(),
  });
  if (outcome.kind === 'not-found') throw notFound();
  if (outcome.kind === 'revoked') {
    throw new IssuerError('CREDENTIAL_REVOKED', 'the credential is revoked; revocation is final');
  }
  return view(outcome.record);
}

/** The caller's audit entries, optionally for one credential, oldest first. */
export function auditLog(ctx: IssuerContext, caller: Caller, credentialId?: string): Promise<AuditEntry[]> {
  return listAudit(
    ctx.db,
    caller.authority.id,
    credentialId === undefined ? undefined : normalizeCredentialId(credentialId),
  );
}
