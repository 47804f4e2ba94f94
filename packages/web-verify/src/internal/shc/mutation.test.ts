import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { VerificationReport } from '@passage/credentials/pure';
import { prepareShcTrust, verifyShc } from '@passage/formats';
import { describe, expect, it } from 'vitest';
import { SHC_AT, shcEntry, shcQr } from '../../../../../apps/verifier/src/foreign-fixtures.js';
import { prng } from '../../../../schema/src/compiled/mutate.js';
import { createWebShcTrust } from './trust.js';
import { verifyShcWeb } from './verify.js';

// Seeded mutations of real cards (test/vectors/shc) and of cards signed by a test issuer, so that
// mutated claims also reach the checks after the signature. Both verifiers must answer the same.
const SEED = 0x5eed_0005;
const COUNT = 300;

const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

const VECTORS = new URL('../../../../../test/vectors/shc/', import.meta.url);
const vector = (name: string) => readFileSync(new URL(name, VECTORS), 'utf8').trim();
const JWS = ['00', '01', '02', '03'].map((n) => vector(`example-${n}-d-jws.txt`));
const QR = [shcQr('00'), shcQr('01'), shcQr('03')];
const CLAIMS = ['00', '01', '02', '03'].map((n) =>
  JSON.parse(vector(`example-${n}-c-jws-payload-minified.json`)),
);

const digits = (jws: string) => [...jws].map((c) => String(c.charCodeAt(0) - 45).padStart(2, '0')).join('');
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

const TEST_ISS = 'https://issuer.passage.test';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
// The test key announces a newer revocation list than the one held: a card with a rid that the held
// list does not revoke cannot be checked (STATUS_UNAVAILABLE); one it revokes is REVOKED.
const testJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', crlVersion: 2 };
const testCrl = { kid: 'test-key', method: 'rid', ctr: 1, rids: ['vwAjHdarZuc.1687450765', 'YjKhdFoxL_g'] };
const ENTRIES = [shcEntry, { framework: 'shc', iss: TEST_ISS, keys: [testJwk], crl: testCrl }];
const NOW_SEC = Date.parse(SHC_AT) / 1000;
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

function signed(header: unknown, compressed: Uint8Array): string {
  const input = `${b64(JSON.stringify(header))}.${b64(compressed)}`;
  return `${input}.${b64(sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }))}`;
}
const HEADER = { zip: 'DEF', alg: 'ES256', kid: 'test-key' };
const signText = (payload: string, header: unknown = HEADER) => signed(header, deflateRawSync(payload));

// Values a mutated claim or header member may take.
const VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e300,
  '',
  'x',
  'x'.repeat(600),
  [],
  {},
  true,
  [1, 'a'],
  { resourceType: 'Patient' },
  '2021-01-01',
  TEST_ISS,
  'https://smarthealth.cards#health-card',
];

/** Changes (or deletes) a member somewhere in `value`, chosen by walking down at random. */
function mutateJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || random() < 0.15) return pick(VALUES);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0) return pick(VALUES);
  const key = pick(keys);
  const record = copy as Record<string, unknown>;
  if (!Array.isArray(copy) && random() < 0.2) delete record[key];
  else record[key] = mutateJson(record[key]);
  return copy;
}

const asQr = (jws: string) => `shc:/${digits(jws)}`;

function chunks(jws: string, total: number): string[] {
  const size = Math.ceil(jws.length / total);
  return Array.from(
    { length: total },
    (_, i) => `shc:/${i + 1}/${total}/${digits(jws.slice(i * size, (i + 1) * size))}`,
  );
}

/** One mutated input, and the kind of mutation (for the failure message). */
function mutant(): [string, string | string[]] {
  const kind = int(10);
  switch (kind) {
    case 0: {
      const qr = pick(QR);
      const at = 5 + int(qr.length - 5);
      return ['flipped digit', `${qr.slice(0, at)}${int(10)}${qr.slice(at + 1)}`];
    }
    case 1: {
      const text = random() < 0.5 ? pick(QR) : pick(JWS);
      return ['cut text', text.slice(0, int(text.length))];
    }
    case 2: {
      const text = random() < 0.5 ? pick(QR) : pick(JWS);
      const at = int(text.length);
      const char = pick(['a', ' ', '/', '.', '-', '9', '\u0661', '\ud800', '\u00e9', '=']);
      return ['inserted character', `${text.slice(0, at)}${char}${text.slice(at)}`];
    }
    case 3: {
      const parts = pick(JWS).split('.');
      const part = int(3);
      const text = parts[part] ?? '';
      const at = int(text.length);
      parts[part] = `${text.slice(0, at)}${pick([...'AZaz09-_'])}${text.slice(at + 1)}`;
      const jws = parts.join('.');
      return ['altered JWS character', random() < 0.5 ? asQr(jws) : jws];
    }
    case 4: {
      const header = mutateJson(HEADER);
      const payload = deflateRawSync(JSON.stringify({ ...pick(CLAIMS), iss: TEST_ISS }));
      return ['altered header, re-signed', asQr(signed(header, payload))];
    }
    case 5: {
      const base = { ...pick(CLAIMS), ...(random() < 0.7 ? { iss: TEST_ISS } : {}) };
      // Around the clock and its tolerance (60 s), or far from it.
      const instant = () => NOW_SEC + pick([-1e9, -86_400, -61, -60, -59.5, 0, 59.5, 60, 61, 86_400, 1e12]);
      if (random() < 0.3) base.nbf = instant();
      if (random() < 0.3) base.exp = instant();
      let claims: unknown = base;
      for (let i = 1 + int(3); i > 0; i--) claims = mutateJson(claims);
      return ['altered claims, re-signed', asQr(signText(JSON.stringify(claims)))];
    }
    case 6: {
      const claims = JSON.stringify({ ...pick(CLAIMS), iss: TEST_ISS });
      const huge = pick([60_000, 66_000, 70_000, 90_000, 200_000]);
      const depth = pick([10, 60, 99, 100, 101, 200, 5000]);
      const extra =
        random() < 0.5 ? `"pad":"${'a'.repeat(huge)}"` : `"deep":${'['.repeat(depth)}${']'.repeat(depth)}`;
      return ['huge or deep payload', asQr(signText(claims.replace(/^\{/, `{${extra},`)))];
    }
    case 7: {
      const stream = deflateRawSync(JSON.stringify({ ...pick(CLAIMS), iss: TEST_ISS }));
      const bytes = pick([
        () => stream.subarray(0, int(stream.length)),
        () => Buffer.concat([stream, Buffer.from([int(256), int(256)])]),
        () => Buffer.from(Array.from({ length: 1 + int(200) }, () => int(256))),
        () => Buffer.from(JSON.stringify(CLAIMS[0])),
        () => {
          const bad = Buffer.from(stream);
          const at = int(bad.length);
          bad[at] = (bad[at] ?? 0) ^ (1 << int(8));
          return bad;
        },
      ])();
      return ['broken compression, signed', asQr(signed(HEADER, bytes))];
    }
    case 8: {
      const jws = pick(JWS);
      const total = 1 + int(22);
      let list = chunks(jws, total);
      if (random() < 0.3) list.splice(int(list.length), 1);
      if (random() < 0.2 && list.length > 0) list.push(pick(list));
      if (random() < 0.2) list = list.map((c) => c.replace(/^shc:\/\d+\//, `shc:/${int(30)}/`));
      return ['chunked', list.sort(() => random() - 0.5)];
    }
    default: {
      const [h, p, s] = pick(JWS.slice(0, 2)).split('.') as [string, string, string];
      const sig = Buffer.from(s, 'base64url');
      const variants = [
        () => Buffer.from(Array.from({ length: pick([0, 1, 63, 64, 65, 70]) }, () => int(256))),
        () => Buffer.concat([sig.subarray(32), sig.subarray(0, 32)]),
        () => {
          // The same signature with s replaced by n - s: valid ECDSA, never made by a low-S signer.
          const high = P256_N - BigInt(`0x${sig.subarray(32).toString('hex')}`);
          return Buffer.concat([
            sig.subarray(0, 32),
            Buffer.from(high.toString(16).padStart(64, '0'), 'hex'),
          ]);
        },
      ];
      const out = `${h}.${p}.${b64(pick(variants)())}`;
      return ['altered signature', random() < 0.5 ? asQr(out) : out];
    }
  }
}

describe('verifyShcWeb on seeded mutations of cards', () => {
  it(`gives the report of verifyShc for ${COUNT} mutated inputs, and never throws`, async () => {
    const now = new Date(SHC_AT);
    const nodeTrust = prepareShcTrust(ENTRIES);
    const webTrust = await createWebShcTrust(ENTRIES);
    const seen = new Map<string, number>();
    let verified = 0;
    for (let i = 0; i < COUNT; i++) {
      const [kind, input] = mutant();
      const node = verifyShc(input, { trust: nodeTrust, now, clockToleranceSec: 60 });
      let web: VerificationReport | string;
      try {
        web = await verifyShcWeb(input, { trust: webTrust, now, clockToleranceSec: 60 });
      } catch (error) {
        web = `threw ${String(error)}`;
      }
      expect({ i, kind, report: web }).toStrictEqual({ i, kind, report: node });
      if (node.verified) verified++;
      for (const { code } of node.errors) seen.set(code, (seen.get(code) ?? 0) + 1);
    }
    // The mutations reach every check, not only decoding.
    expect(verified).toBeGreaterThan(0);
    expect([...seen.keys()].sort()).toEqual(
      expect.arrayContaining([
        'ALGORITHM_NOT_ALLOWED',
        'DECODING_FAILED',
        'INPUT_TOO_LARGE',
        'INVALID_COMPRESSION',
        'ISSUER_NOT_TRUSTED',
        'KEY_NOT_FOUND',
        'SCHEMA_INVALID',
        'SIGNATURE_INVALID',
      ]),
    );
  });
});
