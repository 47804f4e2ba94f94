import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityRecord } from './authorities.js';
import { findByIdempotencyKey, findCredential, insertCredential, type NewCredential } from './credentials.js';
import type { IssuerDatabase } from './database.js';
import { addAuthority, openMigrated, tempDir } from './test-db.js';

const JWS = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const SUBJECT = { name: 'Test Person', birthDate: '1990-01-01' };

function newCredential(authorityId: string, overrides: Partial<NewCredential> = {}): NewCredential {
  return {
    id: `urn:uuid:${randomUUID()}`,
    authorityId,
    type: 'VaccinationCertificate',
    format: 'vc+jwt',
    jws: JWS,
    issuedAt: new Date('2025-03-01T10:00:00.000Z'),
    validFrom: new Date('2025-03-01T10:00:00.000Z'),
    validUntil: new Date('2026-03-01T10:00:00.000Z'),
    subject: SUBJECT,
    ...overrides,
  };
}

describe('credentials', () => {
  let opened: IssuerDatabase;
  let authority: AuthorityRecord;
  beforeEach(async () => {
    opened = await openMigrated();
    authority = await addAuthority(opened);
  });
  afterEach(() => opened.close());

  it('records id, type, digest, dates and JWS, and finds it again', async () => {
    const input = newCredential(authority.id);
    const stored = await insertCredential(opened.db, input);
    expect(stored.digest).toBe(createHash('sha256').update(JWS).digest('hex'));
    const found = await findCredential(opened.db, input.id, authority.id);
    expect(found).toEqual(stored);
    expect(found?.validUntil?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it("drops the person's data when the authority does not store it", async () => {
    const input = newCredential(authority.id);
    await insertCredential(opened.db, input);
    const row = await opened.db.selectFrom('credentials').selectAll().executeTakeFirstOrThrow();
    expect(row.subject_json).toBeNull();
    expect((await findCredential(opened.db, input.id, authority.id))?.subject).toBeUndefined();
  });

  it("takes the caller's storePersonalData instead of reading the authority", async () => {
    // The authority does not store personal data; a caller that says it does is believed (it read the row).
    const input = newCredential(authority.id, { storePersonalData: true });
    await insertCredential(opened.db, input);
    const row = await opened.db.selectFrom('credentials').selectAll().executeTakeFirstOrThrow();
    expect(row.subject_json).toBe(JSON.stringify(SUBJECT));
  });

  it("keeps the person's data when the authority asks for it", async () => {
    const keeper = await addAuthority(opened, {
      slug: 'sg-moh',
      did: 'did:web:issuer.example:sg-moh',
      economy: 'SGP',
      storePersonalData: true,
    });
    const input = newCredential(keeper.id);
    await insertCredential(opened.db, input);
    expect((await findCredential(opened.db, input.id, keeper.id))?.subject).toEqual(SUBJECT);
  });

  it("does not show one authority's credential to another", async () => {
    const other = await addAuthority(opened, { slug: 'sg-moh', did: 'did:web:issuer.example:sg-moh' });
    const input = newCredential(authority.id);
    await insertCredential(opened.db, input);
    expect(await findCredential(opened.db, input.id, other.id)).toBeUndefined();
  });

  it('finds a credential by idempotency key', async () => {
    const input = newCredential(authority.id, { idempotencyKey: 'retry-1', requestHash: 'abc' });
    await insertCredential(opened.db, input);
    const found = await findByIdempotencyKey(opened.db, authority.id, 'retry-1');
    expect(found?.id).toBe(input.id);
    expect(found?.requestHash).toBe('abc');
    expect(await findByIdempotencyKey(opened.db, authority.id, 'retry-2')).toBeUndefined();
  });

  it('refuses a second credential under the same idempotency key: IDEMPOTENCY_CONFLICT', async () => {
    const first = newCredential(authority.id, { idempotencyKey: 'retry-1' });
    await insertCredential(opened.db, first);
    const second = insertCredential(opened.db, newCredential(authority.id, { idempotencyKey: 'retry-1' }));
    await expect(second).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    const rows = await opened.db.selectFrom('credentials').select('id').execute();
    expect(rows).toEqual([{ id: first.id }]);
  });

  it('lets two authorities use the same idempotency key', async () => {
    const other = await addAuthority(opened, { slug: 'sg-moh', did: 'did:web:issuer.example:sg-moh' });
    await insertCredential(opened.db, newCredential(authority.id, { idempotencyKey: 'k' }));
    await expect(
      insertCredential(opened.db, newCredential(other.id, { idempotencyKey: 'k' })),
    ).resolves.toBeDefined();
  });

  it('allows many credentials without an idempotency key', async () => {
    await insertCredential(opened.db, newCredential(authority.id));
    await insertCredential(opened.db, newCredential(authority.id));
    expect(await opened.db.selectFrom('credentials').select('id').execute()).toHaveLength(2);
  });

  it('refuses a duplicate credential id: CREDENTIAL_EXISTS', async () => {
    const input = newCredential(authority.id, { idempotencyKey: 'a' });
    await insertCredential(opened.db, input);
    const again = insertCredential(opened.db, { ...input, idempotencyKey: 'b' });
    await expect(again).rejects.toMatchObject({ code: 'CREDENTIAL_EXISTS' });
  });

  it('refuses an unknown authority: AUTHORITY_NOT_FOUND', async () => {
    await expect(insertCredential(opened.db, newCredential('nope'))).rejects.toMatchObject({
      code: 'AUTHORITY_NOT_FOUND',
    });
  });
});

describe('credentials on a file shared by two connections', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it('lets exactly one of two racing inserts with the same idempotency key win', async () => {
    const url = `sqlite:${join(temp.dir, 'issuer.db')}`;
    const a = await openMigrated(url);
    const b = await openMigrated(url);
    try {
      const authority = await addAuthority(a);
      const results = await Promise.allSettled([
        insertCredential(a.db, newCredential(authority.id, { idempotencyKey: 'race' })),
        insertCredential(b.db, newCredential(authority.id, { idempotencyKey: 'race' })),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
      expect((await findByIdempotencyKey(b.db, authority.id, 'race'))?.authorityId).toBe(authority.id);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
