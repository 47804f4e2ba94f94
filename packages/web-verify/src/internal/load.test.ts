import { gzipSync } from 'node:zlib';
import { generateOperatorKey, signDocument, signTrustList } from '@passage/trust';
import { createVerifierData, type OfflineBundle } from '@passage/verifier';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, makeFixtures, now, operator } from '../testing/fixtures.js';
import { createWebVerifier } from '../verifier.js';
import { gunzipBounded } from './gunzip.js';

let fixtures: Fixtures;
beforeAll(async () => {
  fixtures = await makeFixtures();
});

/** What the verifier service's `loadBundle` reports for the same bundle. */
function nodeLoad(bundle: OfflineBundle, keys = [operator.publicJwk], at = now) {
  const data = createVerifierData({ operatorKeys: keys, network: false, now: () => at });
  return data.loadBundle(bundle);
}

async function webLoad(bundle: OfflineBundle, keys: unknown[] = [operator.publicJwk], at = now) {
  return (await createWebVerifier(bundle, { operatorKeys: keys, now: at })).loaded;
}

const resign = (bundle: OfflineBundle, privateJwk = generateOperatorKey().privateJwk, patch = {}) => {
  const { proof: _proof, ...body } = bundle.trustList as Record<string, unknown>;
  return signTrustList({ ...body, ...patch } as never, privateJwk, { now: new Date('2024-05-30T00:00:00Z') });
};

describe('loading a bundle, as the verifier service loads it', () => {
  it('a trust list signed by another operator key: TRUST_LIST_SIGNATURE_INVALID', async () => {
    const bundle = { ...fixtures.bundle, trustList: resign(fixtures.bundle) as Record<string, unknown> };
    const loaded = await webLoad(bundle);
    expect(loaded.trustList).toEqual({ ok: false, code: 'TRUST_LIST_SIGNATURE_INVALID' });
    expect(loaded).toEqual(nodeLoad(bundle));
  });

  it('a trust list loaded after its validUntil: TRUST_LIST_EXPIRED', async () => {
    const validUntil = Date.parse(String(fixtures.bundle.trustList.validUntil));
    const later = new Date(validUntil + 86_400_000);
    const loaded = await webLoad(fixtures.bundle, [operator.publicJwk], later);
    expect(loaded.trustList).toEqual({ ok: false, code: 'TRUST_LIST_EXPIRED' });
    expect(loaded).toEqual(nodeLoad(fixtures.bundle, [operator.publicJwk], later));
  });

  it('a trust list with a malformed or repeated foreign entry: TRUST_LIST_INVALID, as the service', async () => {
    const { proof: _proof, ...body } = fixtures.bundle.trustList as Record<string, unknown>;
    const dcc = { framework: 'dcc', country: 'AT', kid: 'AAAAAAAAAAA=', certificate: 'AAAA' };
    for (const foreign of [[{ ...dcc, kid: 'short' }], [dcc, dcc], [{ framework: 'shc', iss: 'x' }]]) {
      const entries = [...(body.entries as unknown[]), ...foreign];
      const trustList = signDocument({ ...body, entries }, operator.privateJwk, {
        typ: 'passage-trust-list+json',
      });
      const bundle = { ...fixtures.bundle, trustList: trustList as Record<string, unknown> };
      const loaded = await webLoad(bundle);
      expect(loaded.trustList).toEqual({ ok: false, code: 'TRUST_LIST_INVALID' });
      expect(loaded).toEqual(nodeLoad(bundle));
    }
  });

  it('a tampered rule set: RULES_SIGNATURE_INVALID', async () => {
    const rules = { ...(fixtures.bundle.rules as Record<string, unknown>), version: 9 };
    const bundle = { ...fixtures.bundle, rules };
    const loaded = await webLoad(bundle);
    expect(loaded.rules).toEqual({ ok: false, code: 'RULES_SIGNATURE_INVALID' });
    expect(loaded).toEqual(nodeLoad(bundle));
  });

  it('a tampered status list is refused and its status is unavailable', async () => {
    const [first, ...rest] = fixtures.bundle.statusLists;
    if (!first) throw new Error('the bundle holds lists');
    const [h, p = '', s] = first.jws.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, validFrom: '2024-05-02T00:00:00Z' })).toString('base64url')}.${s}`;
    const bundle = { ...fixtures.bundle, statusLists: [{ ...first, jws: forged }, ...rest] };
    const loaded = await webLoad(bundle);
    expect(loaded.statusLists.refused).toEqual([{ url: first.url, code: 'SIGNATURE_INVALID' }]);
    expect(loaded).toEqual(nodeLoad(bundle));
    const web = await createWebVerifier(bundle, { operatorKeys: [operator.publicJwk], now });
    const answer = await web.verify(fixtures.qr.revoked, { now });
    expect(answer.errors.map((e) => e.code)).toEqual(['STATUS_UNAVAILABLE']);
  });

  it('an Ed25519 operator key signs and verifies trust lists', async () => {
    const eddsa = generateOperatorKey('EdDSA');
    const bundle = {
      ...fixtures.bundle,
      rules: undefined,
      trustList: resign(fixtures.bundle, eddsa.privateJwk),
    };
    const loaded = await webLoad(bundle as OfflineBundle, [eddsa.publicJwk]);
    expect(loaded.trustList).toEqual({ ok: true });
  });

  it('a malformed bundle or operator key is refused with a stable code', async () => {
    await expect(webLoad({ type: 'PassageOfflineBundle' } as never)).rejects.toMatchObject({
      code: 'BUNDLE_INVALID',
    });
    await expect(webLoad(fixtures.bundle, [{ kty: 'RSA' }])).rejects.toMatchObject({
      code: 'OPERATOR_KEY_INVALID',
    });
  });
});

describe('status list decompression', () => {
  it('a GZIP bomb stops at the bound: INVALID_COMPRESSION', async () => {
    const bomb = gzipSync(new Uint8Array(32 * 1024 * 1024), { level: 9 });
    await expect(gunzipBounded(bomb, 1024 * 1024)).rejects.toMatchObject({ code: 'INVALID_COMPRESSION' });
  });

  it('GZIP within the bound gives the bytes back; non-GZIP is INVALID_COMPRESSION', async () => {
    const bits = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    expect(await gunzipBounded(gzipSync(bits), 1000)).toEqual(bits);
    await expect(gunzipBounded(Uint8Array.of(1, 2, 3), 1000)).rejects.toMatchObject({
      code: 'INVALID_COMPRESSION',
    });
  });
});
