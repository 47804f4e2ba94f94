import { type BitstringStatusListEntry, STATUS_PURPOSES, statusListEntry } from '@passage/credentials';
import { chooseStatusIndex, IssuerDbError, isIssuerDbError, recordIssued } from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { Caller, IssuerContext } from './context.js';
import {
  credentialRowInput,
  type Idempotency,
  type IssuedCredential,
  qrTextOf,
  recorded,
  type SignedCredential,
  winnerOrThrow,
} from './persist.js';

/** Signings before giving up when other credentials keep taking the chosen index first. */
const MAX_SIGNINGS = 8;

/** Where a status list is published. */
export function statusListUrl(ctx: Pick<IssuerContext, 'publicUrl'>, listId: string): string {
  return `${ctx.publicUrl}/status-lists/${listId}`;
}

/**
 * Issues a credential with its `credentialStatus`: a random free index of the authority's current
 * lists, one revocation and one suspension entry at that index. The index is chosen before signing
 * (it is part of what is signed) and taken in the same transaction that records the credential, so a
 * credential that fails is never half recorded. When another credential took the index meanwhile,
 * the credential is signed again with another one. A concurrent retry with the same Idempotency-Key
 * answers the winner's credential.
 *
 * @throws IssuerError `CREDENTIAL_EXISTS` when a credential with this id exists
 */
export async function issueWithStatus(
  ctx: IssuerContext,
  caller: Caller,
  idempotency: Idempotency,
  sign: (credentialStatus: BitstringStatusListEntry[]) => Promise<SignedCredential>,
): Promise<IssuedCredential> {
  for (let signing = 0; signing < MAX_SIGNINGS; signing++) {
    const now = ctx.clock();
    const chosen = await chooseStatusIndex(ctx.db, {
      authorityId: caller.authority.id,
      listSize: ctx.status.listSize,
      now,
    });
    const entries = STATUS_PURPOSES.map((purpose) =>
      statusListEntry(statusListUrl(ctx, chosen.listIds[purpose]), purpose, chosen.index),
    );
    const issued = await sign(entries);
    const qr = qrTextOf(issued.format, issued.jws);
    const rows = {
      status: { generation: chosen.generation, index: chosen.index, now },
      credential: credentialRowInput(ctx, caller, issued, idempotency),
    };
    try {
      if ((await recordIssued(ctx.db, rows)) === 'recorded') return recorded(issued, qr);
    } catch (error) {
      if (isIssuerDbError(error, 'CREDENTIAL_EXISTS')) {
        throw new IssuerError('CREDENTIAL_EXISTS', 'a credential with this id exists');
      }
      return winnerOrThrow(ctx, caller, idempotency, error);
    }
  }
  throw new IssuerDbError('INVALID_ARGUMENT', 'no free status list index after repeated attempts');
}
