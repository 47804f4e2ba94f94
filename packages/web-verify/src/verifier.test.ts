import { deflateRawSync } from 'node:zlib';
import { createVerifierData, verifyForOfficer } from '@passage/verifier';
import { beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARY_V2, encodeBase45 } from './internal/credentials.js';
import { type Fixtures, makeFixtures, now, operator } from './testing/fixtures.js';
import { createWebVerifier, type WebVerifier } from './verifier.js';

let fixtures: Fixtures;
let web: WebVerifier;

const blocked: typeof fetch = async () => {
  throw new Error('the network is blocked');
};

type Ask = { economy?: string; arrivalDate?: string; now?: Date };

/** The verifier service's answer, offline from the same bundle. */
async function nodeAnswer(input: string, ask: Ask = {}) {
  const at = ask.now ?? now;
  const data = createVerifierData({
    operatorKeys: [operator.publicJwk],
    network: false,
    fetch: blocked,
    now: () => at,
  });
  data.loadBundle(fixtures.bundle);
  return verifyForOfficer(input, {
    trust: data.trust(),
    now: at,
    clockToleranceSec: 60,
    statusLists: data.statusLists,
    resolver: data.resolver,
    sources: data.sources(),
    ...(ask.economy
      ? {
          entry: {
            economy: ask.economy,
            ruleSet: data.rules(),
            ...(ask.arrivalDate ? { arrivalDate: ask.arrivalDate } : {}),
          },
        }
      : {}),
  });
}

async function both(input: string, ask: Ask = {}) {
  const { now: at = now, ...question } = ask;
  const [node, browser] = await Promise.all([
    nodeAnswer(input, ask),
    web.verify(input, { ...question, now: at }),
  ]);
  return { node, browser, codes: browser.errors.map((e) => e.code) };
}

beforeAll(async () => {
  fixtures = await makeFixtures();
  web = await createWebVerifier(fixtures.bundle, { operatorKeys: [operator.publicJwk], now });
});

describe('web verifier agrees with the verifier service', () => {
  it('loads the bundle: trust list, rules, both status lists and the trusted issuer’s DID document', () => {
    expect(web.loaded).toEqual({
      trustList: { ok: true },
      rules: { ok: true },
      statusLists: { loaded: 2, refused: [] },
      didDocuments: 1,
    });
  });

  it('valid: verified, with the officer view, status from the bundle and the sources', async () => {
    const { node, browser, codes } = await both(fixtures.qr.valid);
    expect(codes).toEqual([]);
    expect(browser.verified).toBe(true);
    expect(browser.status?.map((s) => [s.source, s.set, s.ageSeconds])).toEqual([
      ['bundle', false, 3600],
      ['bundle', false, 3600],
    ]);
    expect(browser).toEqual(node);
  });

  it.each([
    ['revoked', 'REVOKED'],
    ['suspended', 'SUSPENDED'],
    ['expired', 'EXPIRED'],
    ['wrongType', 'TYPE_NOT_ALLOWED'],
    ['untrusted', 'ISSUER_NOT_TRUSTED'],
    ['tampered', 'SIGNATURE_INVALID'],
  ] as const)('%s: %s, the same answer as the service', async (name, code) => {
    const { node, browser, codes } = await both(fixtures.qr[name]);
    expect(browser.verified).toBe(false);
    expect(codes).toContain(code);
    expect(browser).toEqual(node);
  });

  it('an Ed25519 issuer’s travel card verifies (EdDSA with Web Crypto)', async () => {
    const { node, browser } = await both(fixtures.qr.travelCard, { economy: 'THA' });
    expect(browser.verified).toBe(true);
    expect(browser.entry?.outcome).toBe('meets');
    expect(browser).toEqual(node);
  });

  it('entry rules met (THA) and not met (JPN), as the service judges them', async () => {
    const met = await both(fixtures.qr.valid, { economy: 'THA', arrivalDate: '2024-06-02' });
    expect(met.browser.entry?.outcome).toBe('meets');
    expect(met.browser).toEqual(met.node);
    const unmet = await both(fixtures.qr.valid, { economy: 'jpn' });
    expect(unmet.browser.entry?.outcome).toBe('does-not-meet');
    expect(unmet.browser).toEqual(unmet.node);
  });

  it('a revoked credential is not checked against the entry rules', async () => {
    const { node, browser } = await both(fixtures.qr.revoked, { economy: 'THA' });
    expect(browser.entry?.outcome).toBe('not-authentic');
    expect(browser).toEqual(node);
  });

  it('an issuer listed without keys: its keys come from the DID document in the bundle', async () => {
    expect(web.loaded.didDocuments).toBe(1);
    const { node, browser } = await both(fixtures.qr.keyless);
    expect(browser.verified).toBe(true);
    expect(browser).toEqual(node);
  });

  it('eight days after the lists were fetched: too old, STATUS_UNAVAILABLE', async () => {
    const later = new Date(now.getTime() + 8 * 86_400_000);
    const { node, browser, codes } = await both(fixtures.qr.valid, { now: later });
    expect(codes).toEqual(['STATUS_UNAVAILABLE']);
    expect(browser.status?.map((s) => s.stale)).toEqual([true, true]);
    expect(browser).toEqual(node);
  });

  it('a compact JWS is verified like its QR text', async () => {
    const { node, browser } = await both(fixtures.jws.valid);
    expect(browser.verified).toBe(true);
    expect(browser.envelope).toBe('jws');
    expect(browser).toEqual(node);
  });
});

describe('hostile input gets the service’s answer', () => {
  const bomb = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, dictionary: DICTIONARY_V2 });
  it.each([
    ['bad base45', 'INVALID_BASE45', 'PV1:ABCD'],
    ['a zip bomb', 'INPUT_TOO_LARGE', `PV1:${encodeBase45(Uint8Array.from([2, 1, 0xaa, ...bomb]))}`],
    ['an unknown prefix', 'INVALID_PREFIX', 'XYZ9:NCFOXN'],
    ['not a credential', 'UNSUPPORTED_FORMAT', 'hello'],
    ['empty text', 'MALFORMED_INPUT', '   '],
  ])('%s: %s', async (_name, code, text) => {
    const { node, browser, codes } = await both(text);
    expect(codes).toEqual([code]);
    expect(browser.checks.decoding).toEqual({ ok: false, code });
    expect(browser).toEqual(node);
  });
});
