import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findAuthorityByDid,
  findAuthorityById,
  findAuthorityBySlug,
  insertAuthority,
  listAuthorities,
} from './authorities.js';
import type { IssuerDatabase } from './database.js';
import { addAuthority, openMigrated, sampleAuthority } from './test-db.js';

describe('authorities', () => {
  let opened: IssuerDatabase;
  beforeEach(async () => {
    opened = await openMigrated();
  });
  afterEach(() => opened.close());

  it('finds an inserted authority by id, slug and DID, with its JSON types parsed', async () => {
    const createdAt = new Date('2025-01-02T03:04:05.000Z');
    const inserted = await addAuthority(opened, { storePersonalData: true, createdAt });
    expect(inserted.id).toMatch(/^[0-9a-f-]{36}$/);
    const byId = await findAuthorityById(opened.db, inserted.id);
    expect(byId).toEqual(inserted);
    expect(byId?.types).toEqual(['VaccinationCertificate', 'BusinessTravelCard']);
    expect(byId?.storePersonalData).toBe(true);
    expect(byId?.createdAt.toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(await findAuthorityBySlug(opened.db, 'th-moph')).toEqual(inserted);
    expect(await findAuthorityByDid(opened.db, inserted.did)).toEqual(inserted);
  });

  it('returns undefined for unknown id, slug and DID', async () => {
    await addAuthority(opened);
    expect(await findAuthorityById(opened.db, 'nope')).toBeUndefined();
    expect(await findAuthorityBySlug(opened.db, 'nope')).toBeUndefined();
    expect(await findAuthorityByDid(opened.db, 'did:web:nope')).toBeUndefined();
  });

  it('lists authorities by slug', async () => {
    await addAuthority(opened, { slug: 'sg-moh', did: 'did:web:issuer.example:sg-moh', economy: 'SGP' });
    await addAuthority(opened);
    expect((await listAuthorities(opened.db)).map((a) => a.slug)).toEqual(['sg-moh', 'th-moph']);
  });

  it('refuses a second authority with the same slug: AUTHORITY_EXISTS', async () => {
    await addAuthority(opened);
    const again = insertAuthority(opened.db, sampleAuthority({ did: 'did:web:issuer.example:other' }));
    await expect(again).rejects.toMatchObject({ code: 'AUTHORITY_EXISTS' });
  });

  it('refuses a second authority with the same DID: AUTHORITY_EXISTS', async () => {
    await addAuthority(opened);
    await expect(addAuthority(opened, { slug: 'other' })).rejects.toMatchObject({ code: 'AUTHORITY_EXISTS' });
  });

  it('refuses an empty type list: INVALID_ARGUMENT', async () => {
    await expect(addAuthority(opened, { types: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('refuses an economy that is not alpha-3: INVALID_ARGUMENT', async () => {
    await expect(addAuthority(opened, { economy: 'TH' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reports a corrupted types_json column as CORRUPT_ROW', async () => {
    const inserted = await addAuthority(opened);
    await opened.db.updateTable('authorities').set({ types_json: '{"not":"a list"}' }).execute();
    await expect(findAuthorityById(opened.db, inserted.id)).rejects.toMatchObject({ code: 'CORRUPT_ROW' });
  });
});
