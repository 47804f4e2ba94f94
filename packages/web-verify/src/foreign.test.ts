// The web verifier against the verifier service on foreign certificates (EU DCC, SMART Health Cards,
// ICAO VDS-NC), both from one offline bundle whose signed trust list carries their trust entries.
import { createTrustList, generateOperatorKey, signTrustList, type TrustListDraft } from '@passage/trust';
import { createVerifierData, parseBundle, verifyForOfficer } from '@passage/verifier';
import { beforeAll, describe, expect, it } from 'vitest';
import { dccCases, dccEntryFor } from '../../../apps/verifier/src/foreign-fixtures.js';
import { createWebVerifier } from './verifier.js';

const operator = generateOperatorKey();
const signedAt = new Date('2020-01-01T00:00:00Z');
const blocked: typeof fetch = async () => {
  throw new Error('the network is blocked');
};

/** A bundle whose trust list holds `entries`, valid from 2020 for ten years. */
function bundleWith(entries: readonly Record<string, unknown>[]) {
  const empty = createTrustList('Test', signedAt);
  const draft = { ...empty, entries: [...entries] } as TrustListDraft;
  return parseBundle(
    JSON.stringify({
      type: 'PassageOfflineBundle',
      createdAt: signedAt.toISOString(),
      trustList: signTrustList(draft, operator.privateJwk, { now: signedAt, validDays: 3650 }),
      statusLists: [],
      didDocuments: [],
    }),
  );
}

/** The service's answer and the web verifier's, offline from the same bundle, at `at`. */
async function both(bundle: unknown, input: unknown, at: Date) {
  const data = createVerifierData({
    operatorKeys: [operator.publicJwk],
    network: false,
    fetch: blocked,
    now: () => at,
  });
  data.loadBundle(bundle as Parameters<typeof data.loadBundle>[0]);
  const node = await verifyForOfficer(input, {
    trust: data.trust(),
    foreign: data.foreign(),
    now: at,
    clockToleranceSec: 60,
    resolver: data.resolver,
    sources: data.sources(),
    entry: { economy: 'THA', ruleSet: data.rules() },
  });
  const web = await createWebVerifier(bundle, { operatorKeys: [operator.publicJwk], now: at });
  const browser = await web.verify(input as string, { economy: 'THA', now: at });
  return { node, browser };
}

describe('foreign certificates offline: the web verifier answers as the service', () => {
  const cases = dccCases();
  let bundle: unknown;
  let bundleEntries = 0;

  beforeAll(() => {
    const certificates = new Set(cases.flatMap((c) => (c.certificate ? [c.certificate] : [])));
    bundle = bundleWith([...certificates].map((certificate) => dccEntryFor(certificate)));
    bundleEntries = certificates.size;
  });

  it.each(cases.map((c) => [c.name, c] as const))('EU DCC %s', async (_name, testCase) => {
    const { node, browser } = await both(bundle, testCase.text, new Date(testCase.at));
    const { sources: _a, ...nodeAnswer } = node;
    const { sources: _b, ...webAnswer } = browser;
    expect(webAnswer).toEqual(nodeAnswer);
    expect(browser.verified).toBe(testCase.verifies);
    expect(browser.sources?.trustList).toMatchObject({ source: 'bundle', entries: bundleEntries });
  });
});
