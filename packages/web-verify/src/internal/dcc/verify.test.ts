import { deflateSync, inflateSync } from 'node:zlib';
import { createDccTrust, verifyDcc } from '@passage/formats';
import { describe, expect, it } from 'vitest';
import {
  clockOf,
  type DccTestCase,
  dccCaseFolders,
  dccCasesIn,
  dccTextFor,
  entryFor,
} from '../../../../formats/src/dcc/fixtures.js';
import { prng } from '../../../../schema/src/compiled/mutate.js';
import { decodeBase45, encodeBase45 } from '../credentials.js';
import { createWebDccTrust } from './trust.js';
import { verifyDccWeb } from './verify.js';

const cases = dccCaseFolders().flatMap((folder) => dccCasesIn(folder));

/** Both verifiers on the same text, trust entries and clock: the Node one and the browser one. */
async function both(text: string, entries: readonly unknown[], now: Date) {
  const node = verifyDcc(text, { trust: createDccTrust(entries).trust, now });
  const web = await verifyDccWeb(text, { trust: createWebDccTrust(entries), now });
  return { node, web };
}

const entriesOf = (testCase: DccTestCase) =>
  testCase.TESTCTX.CERTIFICATE === undefined ? [] : [entryFor(testCase.TESTCTX.CERTIFICATE)];

describe('verifyDccWeb gives the report of verifyDcc', () => {
  it.each(cases.filter(([, c]) => typeof c.PREFIX === 'string'))('%s', async (_name, testCase) => {
    const { node, web } = await both(testCase.PREFIX ?? '', entriesOf(testCase), clockOf(testCase));
    expect(web).toEqual(node);
  });

  it('covers valid ES256 and PS256 certificates and failures of every kind', async () => {
    const codes = new Set<string>();
    let verified = 0;
    for (const [, testCase] of cases) {
      if (typeof testCase.PREFIX !== 'string') continue;
      const { web } = await both(testCase.PREFIX, entriesOf(testCase), clockOf(testCase));
      if (web.verified) verified++;
      for (const error of web.errors) codes.add(error.code);
    }
    expect(verified).toBeGreaterThan(10);
    for (const code of ['SIGNATURE_INVALID', 'KEY_NOT_FOUND', 'EXPIRED', 'INVALID_BASE45', 'SCHEMA_INVALID'])
      expect(codes).toContain(code);
  });

  it('tries every certificate that shares a kid, as node does', async () => {
    const [, rsa] = cases.find(([name]) => name === 'common/CO1.json') ?? [];
    const [, ec] = cases.find(([name]) => name === 'common/CO3.json') ?? [];
    const ecEntry = entryFor(ec?.TESTCTX.CERTIFICATE ?? '');
    const rsaUnderEcKid = entryFor(rsa?.TESTCTX.CERTIFICATE ?? '', ecEntry.kid);
    for (const entries of [[rsaUnderEcKid, ecEntry], [ecEntry, rsaUnderEcKid], [rsaUnderEcKid]]) {
      const { node, web } = await both(ec?.PREFIX ?? '', entries, clockOf(ec as DccTestCase));
      expect(web).toEqual(node);
    }
  });

  it('skips the trust entries createDccTrust skips', async () => {
    const [, ec] = cases.find(([name]) => name === 'common/CO3.json') ?? [];
    const good = entryFor(ec?.TESTCTX.CERTIFICATE ?? '');
    const entries = [
      good,
      { ...good, kid: 'AAAA' },
      { ...good, certificate: btoa('not a certificate') },
      { ...good, framework: 'shc' },
      'text',
    ];
    const node = createDccTrust(entries.filter((e) => typeof e === 'object' && e.framework === 'dcc'));
    const web = await createWebDccTrust(entries).settle();
    expect([web.size, web.rejected]).toEqual([node.trust.size, node.rejected]);
  });
});

describe('verifyDccWeb on mutated input', () => {
  const valid = cases.filter(([, c]) => c.EXPECTEDRESULTS.EXPECTEDVERIFY === true && c.PREFIX);

  it('gives the report of verifyDcc on 400 seeded mutations, and never throws', async () => {
    const random = prng(20261126);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let i = 0; i < 400; i++) {
      const [, testCase] = pick(valid);
      const text = testCase.PREFIX ?? '';
      let mutated: string;
      if (i % 2 === 0) {
        // Text: change, drop or insert one character.
        const at = Math.floor(random() * text.length);
        const char = pick([...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a\n']);
        mutated = pick([
          text.slice(0, at) + char + text.slice(at + 1),
          text.slice(0, at) + text.slice(at + 1),
          text.slice(0, at),
        ]);
      } else {
        // Bytes: change one byte of the COSE message, or cut it, and compress it again.
        const cose = Uint8Array.from(inflateSync(decodeBase45(text.slice(4))));
        const at = Math.floor(random() * cose.length);
        if (random() < 0.8) cose[at] = Math.floor(random() * 256);
        mutated = dccTextFor(random() < 0.8 ? cose : cose.subarray(0, at));
      }
      const { node, web } = await both(mutated, entriesOf(testCase), clockOf(testCase));
      expect([i, web]).toEqual([i, node]);
    }
  });

  it('bounds inflation where node does: streams around 64 and 80 KiB, whole, cut and corrupted', async () => {
    const now = new Date('2021-06-01T00:00:00Z');
    const random = prng(64);
    for (const size of [65_535, 65_536, 65_537, 70_000, 81_919, 81_920, 81_921, 100_000]) {
      const data = Uint8Array.from({ length: size }, () =>
        random() < 0.9995 ? 97 : Math.floor(random() * 256),
      );
      const stream = deflateSync(data);
      const broken = Uint8Array.from(stream);
      // The Adler-32 check, read after all the output.
      broken[broken.length - 1] = (broken[broken.length - 1] ?? 0) ^ 0xff;
      for (const bytes of [stream, stream.subarray(0, stream.length - 10), broken]) {
        const text = `HC1:${encodeBase45(bytes)}`;
        expect(text.length).toBeLessThan(16_384);
        const { node, web } = await both(text, [], now);
        expect([size, web]).toEqual([size, node]);
      }
    }
  });

  it('answers hostile text with the codes of node', async () => {
    const now = new Date('2021-06-01T00:00:00Z');
    const bomb = dccTextFor(new Uint8Array(200_000));
    const inputs = ['', 'HC1:', 'HC1:%%%%', 'HC2:ABC', `HC1:${'A'.repeat(20_000)}`, bomb];
    inputs.push(`HC1:${deflateSync(Buffer.from('x')).toString('hex').toUpperCase()}`);
    for (const text of inputs) {
      const { node, web } = await both(text, [], now);
      expect(web).toEqual(node);
    }
  });
});
