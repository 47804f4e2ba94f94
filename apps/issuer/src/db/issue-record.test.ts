import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityRecord } from './authorities.js';
import { findCredentialStatus } from './credential-status.js';
import { findCredential } from './credentials.js';
import type { IssuerDatabase } from './database.js';
import { isIssuerDbError } from './errors.js';
import { type IssuedRows, recordIssued } from './issue-record.js';
import { chooseStatusIndex } from './status-choice.js';
import { addAuthority, openMigrated, sampleCredential } from './test-db.js';

let opened: IssuerDatabase;
let authority: AuthorityRecord;
const now = new Date('2026-01-01T00:00:00Z');

beforeEach(async () => {
  opened = await openMigrated();
  authority = await addAuthority(opened);
  await chooseStatusIndex(opened.db, { authorityId: authority.id, listSize: 16, now });
});
afterEach(() => opened.close());

const rows = (id: string, index: number, key?: string): IssuedRows => ({
  status: { generation: 0, index, now },
  credential: { ...sampleCredential(authority.id, id, now, key), storePersonalData: false },
});

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isIssuerDbError(error) ? error.code : 'not an IssuerDbError'),
  );

describe('recordIssued', () => {
  it('records the credential and its index together', async () => {
    expect(await recordIssued(opened.db, rows('urn:uuid:a', 3))).toBe('recorded');
    expect((await findCredentialStatus(opened.db, 'urn:uuid:a', authority.id))?.index).toBe(3);
    const credential = await findCredential(opened.db, 'urn:uuid:a', authority.id);
    expect(credential?.jws).toBe('sealed-urn:uuid:a');
    expect(credential?.subject).toBeUndefined();
  });

  it('answers index-taken for the one of a group whose index another took, recording the others', async () => {
    const outcomes = await Promise.all([
      recordIssued(opened.db, rows('urn:uuid:a', 5)),
      recordIssued(opened.db, rows('urn:uuid:b', 5)),
      recordIssued(opened.db, rows('urn:uuid:c', 6)),
    ]);
    expect(outcomes).toEqual(['recorded', 'index-taken', 'recorded']);
    expect(await findCredential(opened.db, 'urn:uuid:b', authority.id)).toBeUndefined();
    expect(await findCredentialStatus(opened.db, 'urn:uuid:b', authority.id)).toBeUndefined();
    expect(await findCredential(opened.db, 'urn:uuid:c', authority.id)).toBeDefined();
  });

  it('refuses an id that exists with CREDENTIAL_EXISTS, writing nothing', async () => {
    await recordIssued(opened.db, rows('urn:uuid:a', 1));
    expect(await codeOf(recordIssued(opened.db, rows('urn:uuid:a', 2)))).toBe('CREDENTIAL_EXISTS');
    expect((await findCredentialStatus(opened.db, 'urn:uuid:a', authority.id))?.index).toBe(1);
  });

  it('refuses a reused idempotency key with IDEMPOTENCY_CONFLICT and gives the index back', async () => {
    await recordIssued(opened.db, rows('urn:uuid:a', 1, 'key-1'));
    expect(await codeOf(recordIssued(opened.db, rows('urn:uuid:b', 2, 'key-1')))).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await findCredentialStatus(opened.db, 'urn:uuid:b', authority.id)).toBeUndefined();
    const buckets = await opened.db.selectFrom('status_index_buckets').select('taken').execute();
    expect(buckets.reduce((sum, b) => sum + b.taken, 0)).toBe(1);
  });

  it('waits for an open Kysely transaction instead of joining it', async () => {
    let recorded: Promise<string> | undefined;
    await opened.db
      .transaction()
      .execute(async (trx) => {
        await trx.selectFrom('credentials').select('id').execute();
        recorded = recordIssued(opened.db, rows('urn:uuid:a', 4));
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await recorded).toBe('recorded');
    expect(await findCredential(opened.db, 'urn:uuid:a', authority.id)).toBeDefined();
  });
});
