import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshForeignCertificates } from '../../../apps/verifier/src/foreign-fixtures.js';
import { browserBundleOptions } from '../scripts/build-options.mjs';
import { type Fixtures, makeFixtures, now, operator } from './testing/fixtures.js';
import { foreignBundle } from './testing/foreign-bundle.js';
import { createWebVerifier } from './verifier.js';

let fixtures: Fixtures;
let code: string;

beforeAll(async () => {
  fixtures = await makeFixtures();
  const result = await build(
    browserBundleOptions({ format: 'iife', globalName: 'WebVerify', write: false, outfile: 'web-verify.js' }),
  );
  code = result.outputFiles?.[0]?.text ?? '';
});

/** Runs the browser bundle in a realm holding only the Web APIs a browser has: no Buffer, no process. */
async function inBrowserRealm(
  qrTexts: string[],
  bundle: unknown = fixtures.bundle,
  at: Date = now,
): Promise<{ loaded: unknown; answers: unknown[] }> {
  const { crypto, TextEncoder, TextDecoder, DecompressionStream, Blob, URL, setTimeout, clearTimeout } =
    globalThis;
  const { atob, btoa } = globalThis;
  const realm = {
    atob,
    btoa,
    crypto,
    TextEncoder,
    TextDecoder,
    DecompressionStream,
    Blob,
    URL,
    setTimeout,
    clearTimeout,
  };
  const input = JSON.stringify({
    bundle,
    key: operator.publicJwk,
    now: at.toISOString(),
    qrTexts,
  });
  const run = `${code}
    (async () => {
      if (typeof Buffer !== 'undefined' || typeof process !== 'undefined') throw new Error('not a browser realm');
      const input = JSON.parse(${JSON.stringify(input)});
      const now = new Date(input.now);
      const verifier = await WebVerify.createWebVerifier(input.bundle, { operatorKeys: [input.key], now });
      const answers = [];
      for (const text of input.qrTexts) answers.push(await verifier.verify(text, { economy: 'THA', now }));
      return JSON.stringify({ loaded: verifier.loaded, answers });
    })()`;
  return JSON.parse(await (runInNewContext(run, realm) as Promise<string>));
}

describe('the browser bundle', () => {
  it('is a single ESM-free script with no Node built-in left in it', () => {
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toMatch(/require\(["']node:|from ?["']node:/);
  });

  it('verifies in a realm without Node globals: valid, revoked, tampered, hostile', async () => {
    const { qr } = fixtures;
    const { loaded, answers } = await inBrowserRealm([qr.valid, qr.revoked, qr.tampered, 'PV1:ABCD']);
    expect(loaded).toMatchObject({
      trustList: { ok: true },
      rules: { ok: true },
      statusLists: { loaded: 2 },
    });
    const codes = (answers as { errors: { code: string }[] }[]).map((a) => a.errors.map((e) => e.code));
    expect(codes).toEqual([[], ['REVOKED'], ['SIGNATURE_INVALID'], ['INVALID_BASE45']]);
    expect(answers[0]).toMatchObject({ verified: true, entry: { outcome: 'meets' }, view: {} });
  });

  it('verifies an EU DCC and a SMART Health Card in that realm, as the web verifier does under Node', async () => {
    const at = new Date();
    const fresh = await freshForeignCertificates(at);
    const bundle = foreignBundle(fresh.entries, {
      signedAt: new Date(at.getTime() - 3_600_000),
      withRules: true,
    });
    const { answers } = await inBrowserRealm([fresh.dcc, fresh.shc, 'HC1:6BF', 'shc:/12'], bundle, at);
    const web = await createWebVerifier(bundle, { operatorKeys: [operator.publicJwk], now: at });
    const expected = [];
    for (const text of [fresh.dcc, fresh.shc, 'HC1:6BF', 'shc:/12'])
      expected.push(JSON.parse(JSON.stringify(await web.verify(text, { economy: 'THA', now: at }))));
    expect(answers).toEqual(expected);
    expect(answers.slice(0, 2)).toMatchObject([
      { verified: true, format: 'dcc', entry: { outcome: 'meets' } },
      { verified: true, format: 'shc', entry: { outcome: 'meets' } },
    ]);
  });
});
