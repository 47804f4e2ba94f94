import { beforeAll, describe, expect, it } from 'vitest';
import { holderStatusOf } from './credential-status.js';
import { type Fixtures, makeFixtures, now } from './testing/fixtures.js';

let fixtures: Fixtures;
let lists: Map<string, string>;
const fetchList = async (url: string) => {
  const jws = lists.get(url);
  if (jws === undefined) throw new Error('not found');
  return jws;
};

beforeAll(async () => {
  fixtures = await makeFixtures();
  lists = new Map(fixtures.bundle.statusLists.map((l) => [l.url, l.jws]));
}, 60_000);

describe('holderStatusOf (what the wallet shows of a kept credential)', () => {
  it.each([
    ['valid', 'active'],
    ['revoked', 'revoked'],
    ['suspended', 'suspended'],
  ] as const)('a %s certificate is %s', async (which, status) => {
    const answer = await holderStatusOf(fixtures.jws[which], {
      issuerDocument: fixtures.issuerDocument,
      fetchList,
      now,
    });
    expect(answer).toBe(status);
  });

  it('unknown when a list cannot be fetched, or does not verify against the issuer document', async () => {
    const options = { issuerDocument: fixtures.issuerDocument, now };
    expect(
      await holderStatusOf(fixtures.jws.revoked, {
        ...options,
        fetchList: () => Promise.reject(new Error('offline')),
      }),
    ).toBe('unknown');
    const otherDocument = { ...fixtures.issuerDocument, id: 'did:web:other.example' };
    expect(
      await holderStatusOf(fixtures.jws.revoked, { ...options, issuerDocument: otherDocument, fetchList }),
    ).toBe('unknown');
    const forged = async (url: string) => {
      const [h, p, s = ''] = (await fetchList(url)).split('.');
      return `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    };
    expect(await holderStatusOf(fixtures.jws.valid, { ...options, fetchList: forged })).toBe('unknown');
    expect(await holderStatusOf('not a jws', { ...options, fetchList })).toBe('unknown');
  });
});
