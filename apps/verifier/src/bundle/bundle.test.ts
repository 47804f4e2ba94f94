import {
  buildCredential,
  buildStatusListCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  emptyStatusList,
  issueCredential,
  setStatusBit,
  statusListEntry,
  trustEntryFor,
} from '@passage/credentials';
import { exampleRuleSet, signRuleSet } from '@passage/rules';
import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { addIssuer, createTrustList, generateOperatorKey, signTrustList } from '@passage/trust';
import { beforeAll, describe, expect, it } from 'vitest';
import { createVerifierData } from '../data.js';
import { verifyForOfficer } from '../verify-service.js';
import { type OfflineBundle, parseBundle } from './bundle.js';
import { exportBundle } from './export.js';

const publicUrl = 'https://health.example.go.th';
const issuedAt = new Date('2024-04-15T10:00:00Z');
const now = new Date('2024-06-01T10:00:00Z');
const operator = generateOperatorKey();
const lists = {
  revocation: `${publicUrl}/status-lists/moph-0-revocation`,
  suspension: `${publicUrl}/status-lists/moph-0-suspension`,
};
const served = new Map<string, string>();
let bundle: OfflineBundle;
let good: string;
let revoked: string;

/** The issuer's web as the exporter sees it: the status list index and the lists. */
const issuerWeb: typeof fetch = async (input) => {
  const url = String(input);
  const body = served.get(url);
  return body === undefined
    ? new Response('not found', { status: 404 })
    : new Response(body, { status: 200 });
};

/** A network that must never be used: any call fails the test. */
const calls: string[] = [];
const blocked: typeof fetch = async (input) => {
  calls.push(String(input));
  throw new Error('the network is blocked');
};

beforeAll(async () => {
  const { agent } = createPassageAgent(createMemoryStores());
  const identifier = await createAuthorityDid(agent, { publicUrl, slug: 'moph' });
  const did = identifier.did;
  const issue = async (index: number) => {
    const done = completeVaccinationInput(exampleVaccinationInput, {
      issuedAt,
      hcid: `HCID-${index}`,
      economy: 'THA',
    });
    if (!done.ok) throw new Error('the example must complete');
    const credential = buildCredential({
      type: 'VaccinationCertificate',
      issuer: did,
      ...done.value,
      credentialStatus: [
        statusListEntry(lists.revocation, 'revocation', index),
        statusListEntry(lists.suspension, 'suspension', index),
      ],
    });
    return issueCredential(agent, { credential: { ...credential } });
  };
  good = await issue(10);
  revoked = await issue(20);
  for (const purpose of ['revocation', 'suspension'] as const) {
    const bits = emptyStatusList();
    if (purpose === 'revocation') setStatusBit(bits, 20, true);
    const credential = buildStatusListCredential({
      url: lists[purpose],
      issuer: did,
      purpose,
      bits,
      ttlMs: 300_000,
      validFrom: '2024-05-01T00:00:00Z',
    });
    served.set(lists[purpose], await issueCredential(agent, { credential: { ...credential } }));
  }
  served.set(
    `${publicUrl}/status-lists`,
    JSON.stringify(Object.values(lists).map((url) => ({ url, issuer: did }))),
  );
  const entry = trustEntryFor(identifier, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  const trustList = signTrustList(
    addIssuer(createTrustList('Test operator', now), entry),
    operator.privateJwk,
    {
      now: new Date('2024-05-30T00:00:00Z'),
    },
  );
  const rules = signRuleSet(exampleRuleSet, operator.privateJwk, { now: new Date('2024-05-30T00:00:00Z') });
  const exported = await exportBundle({
    trustList,
    rules,
    operatorKey: operator.publicJwk,
    now,
    fetch: issuerWeb,
  });
  expect(exported.warnings).toEqual([]);
  bundle = parseBundle(JSON.stringify(exported.bundle));
});

function offline(b: OfflineBundle = bundle) {
  const data = createVerifierData({
    operatorKeys: [operator.publicJwk],
    network: false,
    fetch: blocked,
    now: () => now,
  });
  return { data, loaded: data.loadBundle(b) };
}

async function check(qr: string, data: ReturnType<typeof offline>['data']) {
  return verifyForOfficer(qr, {
    trust: data.trust(),
    now,
    clockToleranceSec: 60,
    statusLists: data.statusLists,
    resolver: data.resolver,
    sources: data.sources(),
    entry: { economy: 'THA', ruleSet: data.rules() },
  });
}

describe('offline bundle', () => {
  it('export gathers the trusted issuer’s lists through its index, verified', () => {
    expect(bundle.statusLists.map((s) => s.url).sort()).toEqual(Object.values(lists).sort());
    expect(bundle.rules).toBeDefined();
  });

  it('verifies from the bundle alone, never touching the network', async () => {
    const { data, loaded } = offline();
    expect(loaded).toMatchObject({
      trustList: { ok: true },
      rules: { ok: true },
      statusLists: { loaded: 2, refused: [] },
    });
    const ok = await check(good, data);
    expect(ok.errors.map((e) => e.code)).toEqual([]);
    expect(ok.status?.map((s) => s.source)).toEqual(['bundle', 'bundle']);
    expect(ok.sources).toMatchObject({ network: false, trustList: { source: 'bundle', version: 1 } });
    expect(ok.entry?.outcome).toBe('meets');
    expect((await check(revoked, data)).errors.map((e) => e.code)).toEqual(['REVOKED']);
    expect(calls).toEqual([]);
  });

  it('a tampered status list in the bundle is refused: the status is unavailable, not "not revoked"', async () => {
    const [first, ...rest] = bundle.statusLists;
    if (!first) throw new Error('the bundle holds lists');
    const [h, p, sig] = first.jws.split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>;
    payload.validFrom = '2024-05-02T00:00:00Z';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}`;
    const { data, loaded } = offline({ ...bundle, statusLists: [{ ...first, jws: forged }, ...rest] });
    expect(loaded.statusLists.refused.map((r) => r.url)).toEqual([first.url]);
    const report = await check(revoked, data);
    expect(report.verified).toBe(false);
    expect(report.errors.map((e) => e.code)).toContain('STATUS_UNAVAILABLE');
  });

  it('a trust list in the bundle that the pinned key did not sign trusts nobody', async () => {
    const rogue = generateOperatorKey();
    const { proof: _proof, ...body } = bundle.trustList as Record<string, unknown>;
    const resigned = signTrustList(body as never, rogue.privateJwk, {
      now: new Date('2024-05-30T00:00:00Z'),
    });
    const { data, loaded } = offline({
      ...bundle,
      trustList: resigned as unknown as Record<string, unknown>,
    });
    expect(loaded.trustList).toEqual({ ok: false, code: 'TRUST_LIST_SIGNATURE_INVALID' });
    expect((await check(good, data)).errors.map((e) => e.code)).toContain('ISSUER_NOT_TRUSTED');
  });

  it("the verifier's own bundle holds every trusted issuer's lists, fetched through the index, not only lists it used", async () => {
    const fetched: string[] = [];
    const data = createVerifierData({
      operatorKeys: [operator.publicJwk],
      fetch: (input, init) => {
        fetched.push(String(input));
        return issuerWeb(input, init);
      },
      now: () => now,
    });
    // The trust list and rules only: no verification has needed a status list yet.
    data.loadBundle({ ...bundle, statusLists: [] });
    expect(data.exportBundle()?.statusLists).toEqual([]);
    const fresh = await data.freshBundle();
    expect(fresh?.statusLists.map((s) => s.url).sort()).toEqual(Object.values(lists).sort());
    expect(fetched).toContain(`${publicUrl}/status-lists`);
    // Within the index's minute and the lists' ttl, asking again fetches nothing.
    const before = fetched.length;
    await data.freshBundle();
    expect(fetched.length).toBe(before);
  });

  it("an issuer's first lists reach the next bundle, though its index named none a moment before", async () => {
    const index = `${publicUrl}/status-lists`;
    let published = '[]';
    const data = createVerifierData({
      operatorKeys: [operator.publicJwk],
      fetch: (input, init) =>
        String(input) === index ? Promise.resolve(new Response(published)) : issuerWeb(input, init),
      now: () => now,
    });
    data.loadBundle({ ...bundle, statusLists: [] });
    // Before the issuer's first credential its index names no list, and the bundle holds none.
    expect((await data.freshBundle())?.statusLists).toEqual([]);
    // It issues: the index names its lists, and the next bundle has them without waiting a minute.
    published = served.get(index) ?? '';
    const fresh = await data.freshBundle();
    expect(fresh?.statusLists.map((s) => s.url).sort()).toEqual(Object.values(lists).sort());
  });

  it('refuses a malformed bundle with a stable code', () => {
    expect(() => parseBundle('{"type":"PassageOfflineBundle"}')).toThrow(
      expect.objectContaining({ code: 'BUNDLE_INVALID' }),
    );
    expect(() => parseBundle('not json')).toThrow(expect.objectContaining({ code: 'BUNDLE_INVALID' }));
  });
});
