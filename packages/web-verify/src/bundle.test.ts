import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserBundleOptions } from '../scripts/build-options.mjs';
import { type Fixtures, makeFixtures, now, operator } from './testing/fixtures.js';

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
async function inBrowserRealm(qrTexts: string[]): Promise<{ loaded: unknown; answers: unknown[] }> {
  const { crypto, TextEncoder, TextDecoder, DecompressionStream, Blob, URL, setTimeout, clearTimeout } =
    globalThis;
  const realm = {
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
    bundle: fixtures.bundle,
    key: operator.publicJwk,
    now: now.toISOString(),
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
});
