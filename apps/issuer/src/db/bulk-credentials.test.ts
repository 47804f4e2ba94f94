import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityRecord } from './authorities.js';
import { existingIdempotencyKeys, insertCredentials } from './bulk-credentials.js';
import { createBulkStatusAllocator } from './bulk-status.js';
import type { NewCredential } from './credentials.js';
import type { IssuerDatabase } from './database.js';
import { addAuthority, openMigrated, sampleCredential } from './test-db.js';

let opened: IssuerDatabase;
let authority: AuthorityRecord;
const now = new Date('2026-01-01T00:00:00Z');

beforeEach(async () => {
  opened = await openMigrated();
  authority = await addAuthority(opened);
});
afterEach(() => opened.close());

const credential = (n: number, key?: string): NewCredential =>
  sampleCredential(authority.id, `urn:uuid:c-${n}`, now, key);

const recordedIds = async () =>
  (await opened.db.selectFrom('credentials').select('id').execute()).map((r) => r.id).sort();
const statusIds = async () =>
  (await opened.db.selectFrom('credential_status').select('credential_id').execute())
    .map((r) => r.credential_id)
    .sort();

describe('insertCredentials', () => {
  it('records the rows and gives back the released indexes in one go', async () => {
    const allocator = createBulkStatusAllocator(opened.db, { authorityId: authority.id, listSize: 16 });
    await allocator.allocate(['urn:uuid:c-1', 'urn:uuid:c-2', 'urn:uuid:c-3'], now);
    await insertCredentials(opened.db, {
      credentials: [credential(1, 'k-1'), credential(2)],
      keepSubject: true,
      released: ['urn:uuid:c-3'],
    });
    expect(await recordedIds()).toEqual(['urn:uuid:c-1', 'urn:uuid:c-2']);
    expect(await statusIds()).toEqual(['urn:uuid:c-1', 'urn:uuid:c-2']);
    const [row] = await opened.db.selectFrom('credentials').select('subject_json').limit(1).execute();
    expect(row?.subject_json).toBe('{"person":"someone"}');
  });

  it('records nothing and releases nothing when one idempotency key is taken', async () => {
    const allocator = createBulkStatusAllocator(opened.db, { authorityId: authority.id, listSize: 16 });
    await allocator.allocate(['urn:uuid:c-9'], now);
    await insertCredentials(opened.db, {
      credentials: [credential(1, 'k')],
      keepSubject: false,
      released: [],
    });
    const attempt = insertCredentials(opened.db, {
      credentials: [credential(2), credential(3, 'k')],
      keepSubject: false,
      released: ['urn:uuid:c-9'],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(await recordedIds()).toEqual(['urn:uuid:c-1']);
    expect(await statusIds()).toEqual(['urn:uuid:c-9']);
  });

  it('keeps no subject unless the authority keeps personal data', async () => {
    await insertCredentials(opened.db, { credentials: [credential(1)], keepSubject: false, released: [] });
    const [row] = await opened.db.selectFrom('credentials').select('subject_json').execute();
    expect(row?.subject_json).toBeNull();
  });
});

describe('existingIdempotencyKeys', () => {
  it('finds the keys this authority recorded, and only those', async () => {
    const other = await addAuthority(opened, { slug: 'other', did: 'did:web:issuer.example:other' });
    await insertCredentials(opened.db, {
      credentials: [credential(1, 'a'), { ...credential(2, 'b'), authorityId: other.id }],
      keepSubject: false,
      released: [],
    });
    expect(await existingIdempotencyKeys(opened.db, authority.id, ['a', 'b', 'c'])).toEqual(new Set(['a']));
  });
});
