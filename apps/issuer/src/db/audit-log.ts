import type { Kysely, Selectable } from 'kysely';
import type { IssuerTables, StatusAuditLogTable } from './schema.js';

/** One recorded status change: who, when, which credential, what and why. */
export interface AuditEntry {
  id: number;
  at: Date;
  authorityId: string;
  /** The API key id, or `operator`. */
  actor: string;
  credentialId: string;
  action: StatusAuditLogTable['action'];
  purpose: StatusAuditLogTable['purpose'];
  previousState: StatusAuditLogTable['previous_state'];
  newState: StatusAuditLogTable['new_state'];
  reason: string | undefined;
}

/** The largest page {@link listAudit} answers. */
export const AUDIT_PAGE_LIMIT = 1000;

function toEntry(row: Selectable<StatusAuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at),
    authorityId: row.authority_id,
    actor: row.actor,
    credentialId: row.credential_id,
    action: row.action,
    purpose: row.purpose,
    previousState: row.previous_state,
    newState: row.new_state,
    reason: row.reason ?? undefined,
  };
}

/** Appends one entry. The table takes no UPDATE or DELETE (triggers), so entries are never rewritten. */
export async function appendAudit(db: Kysely<IssuerTables>, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('status_audit_log')
    .values({
      at: entry.at.toISOString(),
      authority_id: entry.authorityId,
      actor: entry.actor,
      credential_id: entry.credentialId,
      action: entry.action,
      purpose: entry.purpose,
      previous_state: entry.previousState,
      new_state: entry.newState,
      reason: entry.reason ?? null,
    })
    .execute();
}

/** An authority's entries, oldest first, optionally for one credential; at most {@link AUDIT_PAGE_LIMIT}. */
export async function listAudit(
  db: Kysely<IssuerTables>,
  authorityId: string,
  credentialId?: string,
): Promise<AuditEntry[]> {
  let query = db.selectFrom('status_audit_log').selectAll().where('authority_id', '=', authorityId);
  if (credentialId !== undefined) query = query.where('credential_id', '=', credentialId);
  const rows = await query.orderBy('id').limit(AUDIT_PAGE_LIMIT).execute();
  return rows.map(toEntry);
}
