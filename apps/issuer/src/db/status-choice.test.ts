import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityRecord } from './authorities.js';
import type { IssuerDatabase } from './database.js';
import { recordIssued } from './issue-record.js';
import { chooseStatusIndex } from './status-choice.js';
import { listStatusLists } from './status-lists.js';
import { addAuthority, openMigrated } from './test-db.js';

let opened: IssuerDatabase;
let authority: AuthorityRecord;
const now = new Date('2026-01-01T00:00:00Z');

beforeEach(async () => {
  opened = await openMigrated();
  authority = await addAuthority(opened);
});
afterEach(() => opened.close());

const choose = (random?: (max: number) => number) =>
  chooseStatusIndex(opened.db, {
    authorityId: authority.id,
    listSize: 8,
    now,
    ...(random ? { random } : {}),
  });

/** Chooses an index and records a credential at it, as issuing does. */
async function issue(n: number) {
  const chosen = await choose();
  const outcome = await recordIssued(opened.db, {
    status: { generation: chosen.generation, index: chosen.index, now },
    credential: {
      id: `urn:uuid:${n}`,
      authorityId: authority.id,
      type: 'VaccinationCertificate',
      format: 'vc+jwt',
      jws: 'sealed',
      issuedAt: now,
      validFrom: now,
      storePersonalData: false,
    },
  });
  expect(outcome).toBe('recorded');
  return chosen;
}

describe('chooseStatusIndex', () => {
  it('makes generation 0 on first use and names its two lists', async () => {
    const chosen = await choose();
    expect(chosen.generation).toBe(0);
    expect(chosen.listIds.revocation).not.toBe(chosen.listIds.suspension);
    expect((await listStatusLists(opened.db)).map((l) => l.id).sort()).toEqual(
      [chosen.listIds.revocation, chosen.listIds.suspension].sort(),
    );
  });

  it('chooses only free indexes, then rolls over to the next generation', async () => {
    const seen = new Set<string>();
    for (let n = 0; n < 10; n++) {
      const chosen = await issue(n);
      seen.add(`${chosen.generation}:${chosen.index}`);
      expect(chosen.generation).toBe(n < 8 ? 0 : 1);
    }
    expect(seen.size).toBe(10);
  });

  it('falls back to the free indexes when random probes keep missing', async () => {
    const used: number[] = [];
    for (let n = 0; n < 7; n++) used.push((await issue(n)).index);
    const free = [0, 1, 2, 3, 4, 5, 6, 7].find((i) => !used.includes(i));
    // Probes (max 8) always name a taken index; the uniform choice (max 1) can only name the free one.
    const next = await choose((max) => (max === 8 ? (used[0] ?? 0) : 0));
    expect(next).toMatchObject({ generation: 0, index: free });
  });
});
