// The web verifier against the verifier service on foreign certificates (EU DCC, SMART Health Cards,
// ICAO VDS-NC), both from one offline bundle whose signed trust list carries their trust entries.
import { createVerifierData, verifyForOfficer } from '@passage/verifier';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dccCases,
  dccEntryFor,
  freshForeignCertificates,
  ICAO_AT,
  icaoEntry,
  icaoSeals,
  SHC_AT,
  shcEntry,
  shcQr,
} from '../../../apps/verifier/src/foreign-fixtures.js';
import { operator } from './testing/fixtures.js';
import { foreignBundle } from './testing/foreign-bundle.js';
import { createWebVerifier } from './verifier.js';

const blocked: typeof fetch = async () => {
  throw new Error('the network is blocked');
};

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
    bundle = foreignBundle([...certificates].map((certificate) => dccEntryFor(certificate)));
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

describe('SMART Health Cards offline: the web verifier answers as the service', () => {
  const bundle = foreignBundle([shcEntry]);
  const inputs: [string, unknown][] = [
    ['example 00', shcQr('00')],
    ['example 01', shcQr('01')],
    ['example 03', shcQr('03')],
    ['example 02, chunked', [shcQr('02', 0), shcQr('02', 1), shcQr('02', 2)]],
    ['example 00, cut', shcQr('00').slice(0, 400)],
  ];

  it.each(inputs)('%s', async (_name, input) => {
    const { node, browser } = await both(bundle, input, new Date(SHC_AT));
    const { sources: _a, ...nodeAnswer } = node;
    const { sources: _b, ...webAnswer } = browser;
    expect(webAnswer).toEqual(nodeAnswer);
    expect(browser.format).toBe('shc');
  });

  it('verifies the examples and says which is revoked', async () => {
    const verdicts = [];
    for (const [, input] of inputs.slice(0, 4)) {
      const { browser } = await both(bundle, input, new Date(SHC_AT));
      verdicts.push(browser.verified || browser.errors.map((e) => e.code).join());
    }
    // Example 03 is on the example issuer's revocation list.
    expect(verdicts).toEqual([true, true, 'REVOKED', true]);
  });
});

describe('ICAO VDS-NC seals offline: the web verifier answers as the service', () => {
  const bundle = foreignBundle([icaoEntry]);
  const inputs: [string, unknown][] = [
    ['the valid seal', icaoSeals.valid],
    ['the valid seal as text', JSON.stringify(icaoSeals.valid)],
    ['the tampered seal', icaoSeals.tampered],
    ['the tampered seal as text', JSON.stringify(icaoSeals.tampered)],
  ];

  it.each(inputs)('%s', async (_name, input) => {
    const { node, browser } = await both(bundle, input, new Date(ICAO_AT));
    const { sources: _a, ...nodeAnswer } = node;
    const { sources: _b, ...webAnswer } = browser;
    expect(webAnswer).toEqual(nodeAnswer);
    expect(browser.format).toBe('icao-vds-nc');
  });

  it('skips a CSCA that does not read and uses the others of its state, as the service', async () => {
    const unreadable = { ...icaoEntry, certificate: 'AAAA' };
    const withBad = foreignBundle([unreadable, icaoEntry]);
    const { node, browser } = await both(withBad, icaoSeals.valid, new Date(ICAO_AT));
    const { sources: _a, ...nodeAnswer } = node;
    const { sources: _b, ...webAnswer } = browser;
    expect(webAnswer).toEqual(nodeAnswer);
    expect(browser.verified).toBe(true);
  });

  it('verifies the valid seal and refuses the tampered one', async () => {
    const verdicts = [];
    for (const [, input] of inputs)
      verdicts.push((await both(bundle, input, new Date(ICAO_AT))).browser.verified);
    expect(verdicts).toEqual([true, true, false, false]);
  });
});

describe('foreign certificates issued today, offline', () => {
  it('an EU DCC and a SMART Health Card verify and meet Thailand’s rules, as in the service', async () => {
    const now = new Date();
    const fresh = await freshForeignCertificates(now);
    const bundle = foreignBundle(fresh.entries, {
      signedAt: new Date(now.getTime() - 3_600_000),
      withRules: true,
    });
    for (const text of [fresh.dcc, fresh.shc]) {
      const { node, browser } = await both(bundle, text, now);
      const { sources: _a, ...nodeAnswer } = node;
      const { sources: _b, ...webAnswer } = browser;
      expect(webAnswer).toEqual(nodeAnswer);
      expect(browser).toMatchObject({ verified: true, entry: { outcome: 'meets' }, view: {} });
    }
  });
});
