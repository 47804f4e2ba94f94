import { type BitstringStatusListEntry, STATUS_PURPOSES, statusListEntry } from '@passage/credentials';
import { allocateStatusIndex, isIssuerDbError, releaseIndex } from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import type { IssuedCredential } from './persist.js';

/** Where a status list is published. */
export function statusListUrl(ctx: Pick<IssuerContext, 'publicUrl'>, listId: string): string {
  return `${ctx.publicUrl}/status-lists/${listId}`;
}

function existsError(): IssuerError {
  return new IssuerError('CREDENTIAL_EXISTS', 'a credential with this id exists');
}

/**
 * Issues a credential with its `credentialStatus`: a random free index of the authority's current
 * lists, one revocation and one suspension entry at that index. The index is reserved before signing
 * (it is part of what is signed) and given back when issuing fails or a concurrent retry with the same
 * Idempotency-Key answered another credential.
 *
 * @throws IssuerError `CREDENTIAL_EXISTS` when a credential with this id exists
 */
export async function withCredentialStatus(
  ctx: IssuerContext,
  caller: Caller,
  credentialId: string,
  issue: (credentialStatus: BitstringStatusListEntry[]) => Promise<IssuedCredential>,
): Promise<IssuedCredential> {
  const allocated = await allocateStatusIndex(ctx.db, {
    authorityId: caller.authority.id,
    credentialId,
    listSize: ctx.status.listSize,
    now: ctx.clock(),
  }).catch((error: unknown) => {
    throw isIssuerDbError(error, 'CREDENTIAL_EXISTS') ? existsError() : error;
  });
  const entries = STATUS_PURPOSES.map((purpose) =>
    statusListEntry(statusListUrl(ctx, allocated[purpose].id), purpose, allocated.index),
  );
  let issued: IssuedCredential;
  try {
    issued = await issue(entries);
  } catch (error) {
    await releaseIndex(ctx.db, credentialId).catch(() => undefined);
    throw isIssuerDbError(error, 'CREDENTIAL_EXISTS') ? existsError() : error;
  }
  if (issued.id !== credentialId) await releaseIndex(ctx.db, credentialId);
  return issued;
}
