import { beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../did/resolver.js';
import { createStatusListCache, type StatusListCache } from '../status/cache.js';
import { statusListEntry } from '../status/entry.js';
import {
  credentialWithStatus,
  type StatusAuthority,
  signedStatusList,
  statusAuthority,
} from '../status/fixtures.js';
import { createTrustStore } from '../trust/trust-store.js';
import { verifyCredential, verifyCredentialResolving } from './verify.js';

const base = 'http://127.0.0.1:4001/status-lists';
const revocationUrl = `${base}/r1`;
const suspensionUrl = `${base}/s1`;
const now = new Date('2025-06-01T00:00:00Z');
let authority: StatusAuthority;

beforeAll(async () => {
  authority = await statusAuthority();
});

/** An offline cache holding a revocation and a suspension list with the given bits set. */
async function listsWith(revoked: number[], suspended: number[]): Promise<StatusListCache> {
  const cache = createStatusListCache({ network: false, now: () => now.getTime() });
  const fetchedAt = new Date(now.getTime() - 60_000);
  const r = await signedStatusList(authority, { url: revocationUrl, set: revoked });
  const s = await signedStatusList(authority, { url: suspensionUrl, purpose: 'suspension', set: suspended });
  cache.load(revocationUrl, r, { fetchedAt, trust: authority.trust });
  cache.load(suspensionUrl, s, { fetchedAt, trust: authority.trust });
  return cache;
}

const entries = (index: number) => [
  statusListEntry(revocationUrl, 'revocation', index),
  statusListEntry(suspensionUrl, 'suspension', index),
];

async function statusOf(credentialStatus: unknown, status?: StatusListCache) {
  const jws = await credentialWithStatus(authority, credentialStatus);
  return verifyCredential(jws, { trust: authority.trust, now, ...(status ? { status } : {}) });
}

describe('status check', () => {
  it('passes when both bits are clear and says which lists it read', async () => {
    const report = await statusOf(entries(5), await listsWith([4, 6], [4, 6]));
    expect(report.errors).toEqual([]);
    expect(report.checks.status).toEqual({ ok: true });
    expect(report.status).toEqual([
      {
        purpose: 'revocation',
        listUrl: revocationUrl,
        index: 5,
        set: false,
        source: 'bundle',
        fetchedAt: '2025-05-31T23:59:00.000Z',
        ageSeconds: 60,
        stale: false,
      },
      expect.objectContaining({ purpose: 'suspension', listUrl: suspensionUrl, set: false }),
    ]);
  });

  it('fails REVOKED when the revocation bit is set (index 0 is the first bit)', async () => {
    const report = await statusOf(entries(0), await listsWith([0], []));
    expect(report.checks.status).toEqual({ ok: false, code: 'REVOKED' });
    expect(report.verified).toBe(false);
  });

  it('fails SUSPENDED when the suspension bit is set', async () => {
    const report = await statusOf(entries(9), await listsWith([], [9]));
    expect(report.checks.status).toEqual({ ok: false, code: 'SUSPENDED' });
  });

  it('reports REVOKED over SUSPENDED', async () => {
    const report = await statusOf(entries(9), await listsWith([9], [9]));
    expect(report.checks.status).toEqual({ ok: false, code: 'REVOKED' });
  });

  it('reports SUSPENDED over an unavailable revocation list', async () => {
    const lists = await listsWith([], [3]);
    const status = [
      statusListEntry(`${base}/missing`, 'revocation', 3),
      statusListEntry(suspensionUrl, 'suspension', 3),
    ];
    expect((await statusOf(status, lists)).checks.status).toEqual({ ok: false, code: 'SUSPENDED' });
  });

  it('fails STATUS_UNAVAILABLE when a list is not held', async () => {
    const report = await statusOf(
      [statusListEntry(`${base}/missing`, 'revocation', 3)],
      await listsWith([], []),
    );
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
    expect(report.status?.[0]).toMatchObject({ set: undefined, stale: true });
  });

  it('fails STATUS_UNAVAILABLE without a status list source', async () => {
    expect((await statusOf(entries(1))).checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('fails STATUS_UNAVAILABLE when the entry points at a list of another purpose', async () => {
    const report = await statusOf([statusListEntry(suspensionUrl, 'revocation', 1)], await listsWith([], []));
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('fails STATUS_UNAVAILABLE when the list was issued by another issuer', async () => {
    const other = await statusAuthority('https://other.example');
    const url = `${base}/other`;
    // Both are trusted: the list verifies, but it does not speak for the credential's issuer.
    const both = [authority.trust.findIssuer(authority.did), other.trust.findIssuer(other.did)];
    const merged = createTrustStore({ entries: both.flatMap((e) => (e ? [e] : [])) });
    const cache = createStatusListCache({ network: false, now: () => now.getTime() });
    cache.load(url, await signedStatusList(other, { url }), { fetchedAt: now, trust: merged });
    const jws = await credentialWithStatus(authority, [statusListEntry(url, 'revocation', 1)]);
    const report = verifyCredential(jws, { trust: merged, now, status: cache });
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it.each([
    ['a string', 'revoked'],
    ['an array holding a string', ['x']],
    [
      'an index that is not a decimal string',
      [{ ...statusListEntry(revocationUrl, 'revocation', 1), statusListIndex: '0x1' }],
    ],
    ['an index outside the list', [statusListEntry(revocationUrl, 'revocation', 131_072)]],
    ['a statusSize of 2', [{ ...statusListEntry(revocationUrl, 'revocation', 1), statusSize: 2 }]],
    [
      'another entry type',
      [{ ...statusListEntry(revocationUrl, 'revocation', 1), type: 'StatusList2021Entry' }],
    ],
  ])('fails STATUS_UNAVAILABLE for credentialStatus that is %s', async (_, credentialStatus) => {
    const report = await statusOf(credentialStatus, await listsWith([], []));
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('lists an entry of another purpose but never fails on it', async () => {
    const message = {
      ...statusListEntry(`${base}/m1`, 'revocation', 2),
      statusPurpose: 'message',
      statusSize: 2,
    };
    const report = await statusOf([message], await listsWith([], []));
    expect(report.checks.status).toEqual({ ok: true });
    expect(report.status).toEqual([expect.objectContaining({ purpose: 'message', set: undefined })]);
  });

  it('prefetches the lists of a trusted issuer before checking', async () => {
    const list = await signedStatusList(authority, { url: revocationUrl, set: [2] });
    const requested: string[] = [];
    const fetch = (async (input: unknown) => {
      requested.push(String(input));
      return new Response(list);
    }) as typeof globalThis.fetch;
    const statusLists = createStatusListCache({ fetch, now: () => now.getTime() });
    const jws = await credentialWithStatus(authority, [statusListEntry(revocationUrl, 'revocation', 2)]);
    const resolver = createDidResolver({});
    const { report } = await verifyCredentialResolving(jws, {
      trust: authority.trust,
      now,
      resolver,
      statusLists,
    });
    expect(requested).toEqual([revocationUrl]);
    expect(report.checks.status).toEqual({ ok: false, code: 'REVOKED' });
    expect(report.status?.[0]).toMatchObject({ source: 'network', set: true });
  });

  it('never fetches the lists of an untrusted issuer, or of a credential its issuer did not sign', async () => {
    let fetched = 0;
    const fetch = (async () => {
      fetched += 1;
      return new Response('');
    }) as typeof globalThis.fetch;
    const statusLists = createStatusListCache({ fetch });
    const jws = await credentialWithStatus(authority, entries(1));
    const resolver = createDidResolver({});
    const untrusted = createTrustStore({ entries: [] });
    await verifyCredentialResolving(jws, { trust: untrusted, now, resolver, statusLists });
    // The payload points at the lists, but the signature is another credential's.
    const otherSignature = (await credentialWithStatus(authority, [])).split('.')[2];
    const forged = `${jws.split('.').slice(0, 2).join('.')}.${otherSignature}`;
    const { report } = await verifyCredentialResolving(forged, {
      trust: authority.trust,
      now,
      resolver,
      statusLists,
    });
    expect(report.checks.signature.ok).toBe(false);
    expect(fetched).toBe(0);
  });
});
