import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from './audit-log.js';
import type { AuthorityRecord } from './authorities.js';
import { changeCredentialStatus, type StatusAction } from './credential-status.js';
import type { IssuerDatabase } from './database.js';
import { allocateStatusIndex } from './status-allocation.js';
import { findStatusList, setIndexes } from './status-lists.js';
import { addAuthority, openMigrated } from './test-db.js';

let opened: IssuerDatabase;
let authority: AuthorityRecord;
const now = new Date('2026-01-01T00:00:00Z');
const id = 'urn:uuid:c1';

beforeEach(async () => {
  opened = await openMigrated();
  authority = await addAuthority(opened);
  await allocateStatusIndex(opened.db, { authorityId: authority.id, credentialId: id, listSize: 16, now });
});
afterEach(() => opened.close());

const change = (action: StatusAction, authorityId = authority.id) =>
  changeCredentialStatus(opened.db, {
    credentialId: id,
    authorityId,
    action,
    actor: 'operator',
    reason: 'lost card',
    now,
  });

describe('changeCredentialStatus', () => {
  it('suspends, sets the bit, bumps the list version and writes one audit row', async () => {
    const outcome = await change('suspend');
    expect(outcome.kind).toBe('changed');
    if (outcome.kind !== 'changed') return;
    const lists = await opened.db.selectFrom('status_lists').select(['id', 'purpose']).execute();
    const suspension = lists.find((l) => l.purpose === 'suspension');
    const list = suspension && (await findStatusList(opened.db, suspension.id));
    expect(list?.version).toBe(2);
    expect(list && (await setIndexes(opened.db, list))).toEqual([outcome.record.index]);
    const audit = await listAudit(opened.db, authority.id, id);
    expect(audit).toMatchObject([{ action: 'suspend', previousState: 'active', newState: 'suspended' }]);
  });

  it('a second suspend changes nothing and writes no audit row', async () => {
    await change('suspend');
    expect((await change('suspend')).kind).toBe('unchanged');
    expect(await listAudit(opened.db, authority.id, id)).toHaveLength(1);
  });

  it('revocation is final: reinstate after revoke is refused', async () => {
    expect((await change('revoke')).kind).toBe('changed');
    expect((await change('reinstate')).kind).toBe('revoked');
    expect((await change('suspend')).kind).toBe('revoked');
    expect((await change('revoke')).kind).toBe('unchanged');
  });

  it("another authority's credential is not found", async () => {
    const other = await addAuthority(opened, { slug: 'sg-ica', did: 'did:web:issuer.example:sg-ica' });
    expect((await change('revoke', other.id)).kind).toBe('not-found');
  });
});

describe('the audit log is append-only', () => {
  it('refuses UPDATE', async () => {
    await change('revoke');
    const update = sql`UPDATE status_audit_log SET reason = 'edited'`.execute(opened.db);
    await expect(update).rejects.toThrow(/append-only/);
    expect((await listAudit(opened.db, authority.id))[0]?.reason).toBe('lost card');
  });

  it('refuses DELETE', async () => {
    await change('revoke');
    await expect(opened.db.deleteFrom('status_audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await listAudit(opened.db, authority.id)).toHaveLength(1);
  });
});
