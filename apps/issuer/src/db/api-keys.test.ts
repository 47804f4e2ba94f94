import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey, findApiKey, findApiKeyWithAuthority, listApiKeys, revokeApiKey } from './api-keys.js';
import type { AuthorityRecord } from './authorities.js';
import type { IssuerDatabase } from './database.js';
import { addAuthority, openMigrated } from './test-db.js';

describe('API keys', () => {
  let opened: IssuerDatabase;
  let authority: AuthorityRecord;
  beforeEach(async () => {
    opened = await openMigrated();
    authority = await addAuthority(opened);
  });
  afterEach(() => opened.close());

  const create = (types = ['VaccinationCertificate']) =>
    createApiKey(opened.db, { authorityId: authority.id, types, economy: 'THA' });

  it('resolves a freshly created key to its scope', async () => {
    const { id, apiKey } = await create();
    expect(apiKey).toMatch(/^psk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(await findApiKey(opened.db, apiKey)).toEqual({
      id,
      authorityId: authority.id,
      types: ['VaccinationCertificate'],
      economy: 'THA',
    });
  });

  it('stores only a SHA-256 hash of the secret', async () => {
    const { id, apiKey } = await create();
    const row = await opened.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const secret = apiKey.slice(`psk_${id}_`.length);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('rejects the right id with a wrong secret', async () => {
    const { id } = await create();
    expect(await findApiKey(opened.db, `psk_${id}_${'A'.repeat(43)}`)).toBeUndefined();
  });

  it('rejects a key whose secret differs in its last character', async () => {
    const { apiKey } = await create();
    const altered = apiKey.slice(0, -1) + (apiKey.endsWith('A') ? 'B' : 'A');
    expect(await findApiKey(opened.db, altered)).toBeUndefined();
  });

  it('rejects malformed tokens quietly', async () => {
    const { id, apiKey } = await create();
    for (const token of [
      '',
      'psk_',
      apiKey.slice(1),
      `${apiKey}x`,
      `Bearer ${apiKey}`,
      `psk_${id}`,
      'psk_ZZ_x',
    ]) {
      expect(await findApiKey(opened.db, token)).toBeUndefined();
    }
  });

  it('rejects a revoked key and lists it as revoked', async () => {
    const { id, apiKey } = await create();
    const when = new Date('2025-06-01T00:00:00.000Z');
    expect(await revokeApiKey(opened.db, id, when)).toBe(true);
    expect(await revokeApiKey(opened.db, id, when)).toBe(false);
    expect(await findApiKey(opened.db, apiKey)).toBeUndefined();
    const [listed] = await listApiKeys(opened.db, authority.id);
    expect(listed?.revokedAt?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
  });

  it('refuses types the authority may not issue: API_KEY_SCOPE_INVALID', async () => {
    await expect(create(['SomethingElse'])).rejects.toMatchObject({ code: 'API_KEY_SCOPE_INVALID' });
  });

  it("refuses an economy other than the authority's: API_KEY_SCOPE_INVALID", async () => {
    const other = createApiKey(opened.db, {
      authorityId: authority.id,
      types: ['VaccinationCertificate'],
      economy: 'SGP',
    });
    await expect(other).rejects.toMatchObject({ code: 'API_KEY_SCOPE_INVALID' });
  });

  it('refuses an unknown authority: AUTHORITY_NOT_FOUND', async () => {
    const orphan = createApiKey(opened.db, {
      authorityId: 'nope',
      types: ['VaccinationCertificate'],
      economy: 'THA',
    });
    await expect(orphan).rejects.toMatchObject({ code: 'AUTHORITY_NOT_FOUND' });
  });
});

describe('findApiKeyWithAuthority', () => {
  let opened: IssuerDatabase;
  let authority: AuthorityRecord;
  beforeEach(async () => {
    opened = await openMigrated();
    authority = await addAuthority(opened);
  });
  afterEach(() => opened.close());

  it('answers the key scope and its authority in one lookup', async () => {
    const { id, apiKey } = await createApiKey(opened.db, {
      authorityId: authority.id,
      types: ['VaccinationCertificate'],
      economy: 'THA',
    });
    expect(findApiKeyWithAuthority(opened.db, apiKey)).toEqual({
      scope: { id, authorityId: authority.id, types: ['VaccinationCertificate'], economy: 'THA' },
      authority,
    });
  });

  it('refuses a revoked key, a wrong secret and a malformed token alike', async () => {
    const { id, apiKey } = await createApiKey(opened.db, {
      authorityId: authority.id,
      types: ['VaccinationCertificate'],
      economy: 'THA',
    });
    expect(findApiKeyWithAuthority(opened.db, `psk_${id}_${'A'.repeat(43)}`)).toBeUndefined();
    expect(findApiKeyWithAuthority(opened.db, `${apiKey}x`)).toBeUndefined();
    await revokeApiKey(opened.db, id);
    expect(findApiKeyWithAuthority(opened.db, apiKey)).toBeUndefined();
  });

  it('hands out type lists the caller may change without changing the next answer', async () => {
    const { apiKey } = await createApiKey(opened.db, {
      authorityId: authority.id,
      types: ['VaccinationCertificate'],
      economy: 'THA',
    });
    findApiKeyWithAuthority(opened.db, apiKey)?.scope.types.push('Other');
    expect(findApiKeyWithAuthority(opened.db, apiKey)?.scope.types).toEqual(['VaccinationCertificate']);
  });
});
