import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from './audit-log.js';
import { type AuthorityRecord, findAuthorityById } from './authorities.js';
import { IssuerDbError, isUniqueViolation } from './errors.js';
import type { CredentialStatusTable, IssuerTables, StatusAuditLogTable } from './schema.js';

/** Where a credential sits in its authority's status lists, and what they say about it. */
export interface CredentialStatusRecord {
  credentialId: string;
  authorityId: string;
  generation: number;
  index: number;
  revoked: boolean;
  suspended: boolean;
  changedAt: Date;
}

/** A credential's state as one word: revocation beats suspension. */
export type CredentialState = StatusAuditLogTable['new_state'];

/** A change an authority (or the operator) asks for. */
export type StatusAction = StatusAuditLogTable['action'];

/** The state a record stands for. */
export function stateOf(record: Pick<CredentialStatusRecord, 'revoked' | 'suspended'>): CredentialState {
  if (record.revoked) return 'revoked';
  return record.suspended ? 'suspended' : 'active';
}

function toRecord(row: Selectable<CredentialStatusTable>): CredentialStatusRecord {
  return {
    credentialId: row.credential_id,
    authorityId: row.authority_id,
    generation: row.generation,
    index: row.list_index,
    revoked: row.revoked === 1,
    suspended: row.suspended === 1,
    changedAt: new Date(row.changed_at),
  };
}

/**
 * Takes `index` of a generation for a credential. Answers false when another credential holds the
 * index (the unique constraint decides, so concurrent callers never share one).
 *
 * @throws IssuerDbError `CREDENTIAL_EXISTS` when the credential already has an index
 */
export async function reserveIndex(
  db: Kysely<IssuerTables>,
  input: { credentialId: string; authorityId: string; generation: number; index: number; now: Date },
): Promise<boolean> {
  try {
    await db
      .insertInto('credential_status')
      .values({
        credential_id: input.credentialId,
        authority_id: input.authorityId,
        generation: input.generation,
        list_index: input.index,
        revoked: 0,
        suspended: 0,
        changed_at: input.now.toISOString(),
      })
      .execute();
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const taken = await db
      .selectFrom('credential_status')
      .select('credential_id')
      .where('credential_id', '=', input.credentialId)
      .executeTakeFirst();
    if (taken) throw new IssuerDbError('CREDENTIAL_EXISTS', 'a credential with this id exists');
    return false;
  }
}

/** Gives back the index of a credential that was never recorded (its signing or recording failed). */
export async function releaseIndex(db: Kysely<IssuerTables>, credentialId: string): Promise<void> {
  await db.deleteFrom('credential_status').where('credential_id', '=', credentialId).execute();
}

/** The status of one of this authority's credentials; another authority's is not visible. */
export async function findCredentialStatus(
  db: Kysely<IssuerTables>,
  credentialId: string,
  authorityId: string,
): Promise<CredentialStatusRecord | undefined> {
  const row = await db
    .selectFrom('credential_status')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return row && toRecord(row);
}

/** What {@link changeCredentialStatus} did. */
export type StatusChangeOutcome =
  | { kind: 'not-found' }
  | { kind: 'revoked'; record: CredentialStatusRecord }
  | { kind: 'unchanged' | 'changed'; record: CredentialStatusRecord };

const EFFECT: Record<StatusAction, { purpose: 'revocation' | 'suspension'; flag: boolean }> = {
  revoke: { purpose: 'revocation', flag: true },
  suspend: { purpose: 'suspension', flag: true },
  reinstate: { purpose: 'suspension', flag: false },
};

/**
 * Applies a status change in one transaction: the credential's bit, a new version of the list it
 * touches and an audit row. Revocation is final: suspending or reinstating a revoked credential is
 * refused (`revoked`). A change that changes nothing writes nothing (`unchanged`, no audit row).
 */
export async function changeCredentialStatus(
  db: Kysely<IssuerTables>,
  input: {
    credentialId: string;
    authorityId: string;
    action: StatusAction;
    actor: string;
    reason: string | undefined;
    now: Date;
  },
): Promise<StatusChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const before = await findCredentialStatus(trx, input.credentialId, input.authorityId);
    if (!before) return { kind: 'not-found' };
    if (before.revoked && input.action !== 'revoke') return { kind: 'revoked', record: before };
    const { purpose, flag } = EFFECT[input.action];
    const column = purpose === 'revocation' ? 'revoked' : 'suspended';
    if (before[column] === flag) return { kind: 'unchanged', record: before };
    const at = input.now.toISOString();
    await trx
      .updateTable('credential_status')
      .set({ [column]: flag ? 1 : 0, changed_at: at })
      .where('credential_id', '=', input.credentialId)
      .execute();
    await trx
      .updateTable('status_lists')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
      .where('authority_id', '=', input.authorityId)
      .where('generation', '=', before.generation)
      .where('purpose', '=', purpose)
      .execute();
    const after = { ...before, [column]: flag, changedAt: input.now };
    await appendAudit(trx, {
      at: input.now,
      authorityId: input.authorityId,
      actor: input.actor,
      credentialId: input.credentialId,
      action: input.action,
      purpose,
      previousState: stateOf(before),
      newState: stateOf(after),
      reason: input.reason,
    });
    return { kind: 'changed', record: after };
  });
}

/** The authority a credential's status belongs to, whichever it is: for the operator only. */
export async function findIssuerOf(
  db: Kysely<IssuerTables>,
  credentialId: string,
): Promise<AuthorityRecord | undefined> {
  const row = await db
    .selectFrom('credential_status')
    .select('authority_id')
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
  return row && findAuthorityById(db, row.authority_id);
}
