import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthorityRecord, insertAuthority, type NewAuthority } from './authorities.js';
import type { NewCredential } from './credentials.js';
import { type IssuerDatabase, openDatabase } from './database.js';
import { isIssuerDbError } from './errors.js';
import { migrateToLatest } from './migrate.js';

/** Test helper: a migrated database at `url`. */
export async function openMigrated(url = 'sqlite::memory:'): Promise<IssuerDatabase> {
  const opened = openDatabase(url);
  await migrateToLatest(opened.db);
  return opened;
}

/** Test helper: a fresh temporary directory and a function removing it. */
export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'passage-issuer-db-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Test helper: a plausible authority, with overrides. */
export function sampleAuthority(overrides: Partial<NewAuthority> = {}): NewAuthority {
  return {
    slug: 'th-moph',
    name: 'Ministry of Public Health',
    economy: 'THA',
    did: 'did:web:issuer.example:th-moph',
    kid: 'did:web:issuer.example:th-moph#key-1',
    keyType: 'Secp256r1',
    types: ['VaccinationCertificate', 'BusinessTravelCard'],
    storePersonalData: false,
    ...overrides,
  };
}

/** Test helper: inserts {@link sampleAuthority}. */
export function addAuthority(
  opened: IssuerDatabase,
  overrides: Partial<NewAuthority> = {},
): Promise<AuthorityRecord> {
  return insertAuthority(opened.db, sampleAuthority(overrides));
}

/**
 * Test helper: a credential row of `authorityId` issued at `now`, with an Idempotency-Key when `key` is
 * given. Its `jws` column is a fixed string: the tests that use it read rows back and never a signature.
 */
export function sampleCredential(authorityId: string, id: string, now: Date, key?: string): NewCredential {
  return {
    id,
    authorityId,
    type: 'VaccinationCertificate',
    format: 'vc+jwt',
    jws: `sealed-${id}`,
    issuedAt: now,
    validFrom: now,
    subject: { person: 'someone' },
    idempotencyKey: key,
    requestHash: key && 'hash',
  };
}

/** Test helper: the IssuerDbError code `fn` throws, or undefined when it does not throw. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isIssuerDbError(error) ? error.code : 'not an IssuerDbError';
  }
  return undefined;
}
