// Mutated real certificates of every format through the officer path, from a fixed seed: the answer
// must always come back (never a throw, so never a 500), be JSON with a coded error per failure, and a
// Passage credential whose signed content changed must never pass its signature check. Structure-aware
// mutations reach past the outer encodings: DCC and Passage bytes are changed inside the compression,
// SMART Health Card and VDS-NC JSON inside the JWS and the seal. This found a VDS-NC signer certificate
// whose malformed validity period crashed the report, one whose public key did not decode
// (packages/formats, icao/signer.ts), JWT time claims beyond the time range (credentials, claims.ts), and
// a 160-character QR whose payload nests 5,000 deep, which made the answer's JSON.stringify overflow.
// HOSTILE_N=2500 tries more of each kind (150 by default).
import { deflateRawSync, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { createTrustStore, decodeQrText, encodeQrText } from '@passage/credentials';
import { decodeBase45, encodeBase45 } from '@passage/credentials/pure';
import { exampleRuleSet } from '@passage/rules';
import { foreignTrustOf } from '@passage/trust';
import { beforeAll, describe, expect, it } from 'vitest';
import { dccCases, dccEntryFor, icaoEntry, icaoSeals, shcEntry, shcQr } from './foreign-fixtures.js';
import { exampleVaccinationJws } from './passage-fixtures.js';
import { verifyForOfficer } from './verify-service.js';

/** mulberry32: a small seeded generator, so every run tries the same inputs (reseeded per kind). */
function generator(seed: number) {
  let state = seed;
  const reseed = (next: number) => {
    state = next;
  };
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, reseed, pick: <T>(items: readonly T[]): T => items[int(items.length)] as T };
}

const random = generator(20261126);
const WEIRD: readonly unknown[] = [
  null,
  0,
  -1,
  1e308,
  '',
  'x'.repeat(5000),
  [],
  {},
  [[[[[]]]]],
  true,
  '2021-13-45',
  '9999-12-31T23:59:59Z',
  { a: { b: { c: {} } } },
  '\u0000',
  1e13,
  -1e300,
  'JWT',
];
/** Members an attacker may add: JWT time claims, the JWS type and critical headers. */
const ADDED = ['nbf', 'exp', 'iat', 'typ', 'crit', 'vc'];

function mutateBytes(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  for (let k = 1 + random.int(4); k > 0; k--) {
    const at = random.int(out.length || 1);
    const op = random.int(5);
    if (op === 0) out[at] = random.int(256);
    else if (op === 1) out[at] = (out[at] ?? 0) ^ (1 << random.int(8));
    else if (op === 2) return out.subarray(0, at);
    else if (op === 3)
      return Buffer.concat([out.subarray(0, at), Buffer.from([random.int(256)]), out.subarray(at)]);
    // CBOR heads that announce lengths, indefinite items and tags
    else out[at] = random.pick([0x00, 0xff, 0x7f, 0x80, 0x18, 0x1b, 0x9f, 0xbf, 0xa0, 0xc0]);
  }
  return out;
}

function mutateText(text: string): string {
  const at = random.int(text.length);
  const op = random.int(4);
  if (op === 0) return text.slice(0, at) + String.fromCharCode(random.int(128)) + text.slice(at + 1);
  if (op === 1) return text.slice(0, at);
  if (op === 2) return text.slice(0, at) + text.slice(at, at + random.int(50)).repeat(2) + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1);
}

function mutateJson(value: unknown): unknown {
  if (Array.isArray(value)) {
    const list = value.map((item) => (random.next() < 0.3 ? mutateJson(item) : item));
    if (random.next() < 0.1) list.push(random.pick(WEIRD));
    if (random.next() < 0.1) list.length = random.int(list.length + 1);
    return list;
  }
  if (value !== null && typeof value === 'object') {
    const object: Record<string, unknown> = { ...value };
    for (const key of Object.keys(object)) {
      const r = random.next();
      if (r < 0.08) delete object[key];
      else if (r < 0.2) object[key] = random.pick(WEIRD);
      else if (r < 0.5) object[key] = mutateJson(object[key]);
    }
    if (random.next() < 0.1) object[random.pick(ADDED)] = random.pick(WEIRD);
    return object;
  }
  if (typeof value === 'string' && random.next() < 0.3) return mutateText(value || 'x');
  return random.next() < 0.2 ? random.pick(WEIRD) : value;
}

const now = new Date('2024-06-01T10:00:00Z');
const dcc = dccCases();
const foreign = foreignTrustOf([
  ...dcc.flatMap((c) => (c.certificate ? [dccEntryFor(c.certificate)] : [])),
  shcEntry,
  icaoEntry,
]);
// The COSE bytes of every case whose text decodes (some negative cases are not even zlib).
const dccCose = dcc.flatMap((c) => {
  try {
    return [inflateSync(decodeBase45(c.text.slice('HC1:'.length)))];
  } catch {
    return [];
  }
});
let trust: ReturnType<typeof createTrustStore>;
let passageJws: string[] = [];

beforeAll(async () => {
  const issued = await exampleVaccinationJws(new Date('2024-04-15T09:00:00Z'));
  passageJws = [issued.jws];
  trust = createTrustStore({ entries: [issued.entry] });
});

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const json = (b64: string | undefined) => JSON.parse(Buffer.from(b64 ?? '', 'base64url').toString('utf8'));

function passageMutation(): string {
  const [header, payload, signature] = random.pick(passageJws).split('.');
  const r = random.next();
  const jws = [
    r < 0.3 ? segment(mutateJson(json(header))) : header,
    r >= 0.2 ? segment(mutateJson(json(payload))) : payload,
    signature,
  ].join('.');
  try {
    return encodeQrText(jws);
  } catch {
    return jws; // too large or not canonical for a QR: verified as a compact JWS
  }
}

/** A SMART Health Card's JWS as its `shc:/` QR text: each character as two digits (its code minus 45). */
function shcNumeric(jws: string): string {
  let numeric = 'shc:/';
  for (const c of jws) numeric += String(c.charCodeAt(0) - 45).padStart(2, '0');
  return numeric;
}

function shcMutation(): string {
  const digits = shcQr(random.pick(['00', '01', '03'])).slice('shc:/'.length);
  let jws = '';
  for (let i = 0; i < digits.length; i += 2) jws += String.fromCharCode(Number(digits.slice(i, i + 2)) + 45);
  const [header, payload, signature] = jws.split('.');
  const claims = inflateRawSync(Buffer.from(payload ?? '', 'base64url')).toString('utf8');
  const changed = random.next() < 0.5 ? JSON.stringify(mutateJson(JSON.parse(claims))) : mutateText(claims);
  const text = [header, deflateRawSync(changed).toString('base64url'), signature].join('.');
  return shcNumeric(text);
}

/** Each kind of mutated input, and whether the original survives it unchanged (then it may verify). */
const kinds: Record<string, () => unknown> = {
  'DCC, COSE bytes': () => `HC1:${encodeBase45(deflateSync(mutateBytes(random.pick(dccCose))))}`,
  'DCC, text': () => mutateText(random.pick(dcc).text),
  'SMART Health Card, claims': shcMutation,
  'SMART Health Card, one chunk of three': () => [shcQr('02', 0), mutateText(shcQr('02', 1)), shcQr('02', 2)],
  'VDS-NC, seal object': () => mutateJson(icaoSeals.valid),
  'VDS-NC, seal text': () => mutateText(JSON.stringify(icaoSeals.valid)),
  'Passage, header and payload': passageMutation,
  'Passage, JWT claims and type': () => {
    const [header, payload, signature] = random.pick(passageJws).split('.');
    const claims: Record<string, unknown> = json(payload);
    claims[random.pick(['nbf', 'exp', 'iat'])] = random.pick([
      1e13,
      -1e300,
      1e308,
      8.64e12,
      -8.64e12,
      0.5,
      'x',
    ]);
    const jwt = random.next() < 0.5;
    const body = jwt ? { vc: claims, iss: claims.issuer, nbf: claims.nbf, exp: claims.exp } : claims;
    return [segment({ ...json(header), typ: jwt ? 'JWT' : 'vc+jwt' }), segment(body), signature].join('.');
  },
  'Passage, container bytes': () => {
    const text = encodeQrText(random.pick(passageJws));
    return `PV1:${encodeBase45(mutateBytes(decodeBase45(text.slice('PV1:'.length))))}`;
  },
  // A few hundred bytes of compressed brackets inflate to thousands of levels, which the report echoes.
  'nesting past any credential': () => {
    const depth = 2000 + random.int(8000);
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const [header, , signature] = random.pick(passageJws).split('.');
    const seal = JSON.stringify(icaoSeals.valid).replace('"uvci":', `"deep":${deep},"uvci":`);
    const claims = `{"iss":"https://spec.smarthealth.cards/examples/issuer","nbf":1,"vc":{"x":${deep}}}`;
    const shc = [
      segment({ zip: 'DEF', alg: 'ES256', kid: 'k' }),
      deflateRawSync(claims).toString('base64url'),
      signature,
    ].join('.');
    const jws = [
      header,
      Buffer.from(`{"credentialSubject":{"x":${deep}}}`).toString('base64url'),
      signature,
    ].join('.');
    let qr: string = jws;
    try {
      qr = encodeQrText(jws);
    } catch {
      // too deep to fit a QR code once compressed: the compact JWS stands in
    }
    return random.pick<unknown>([qr, jws, seal, JSON.parse(seal), shcNumeric(shc)]);
  },
  'anything else': () => random.pick(WEIRD),
};

function passageJwsOf(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  try {
    return input.startsWith('PV1:') ? decodeQrText(input) : input;
  } catch {
    return undefined;
  }
}

describe('hostile input through the officer path', () => {
  for (const [n, [kind, make]] of Object.entries(kinds).entries()) {
    it(`answers every mutation of ${kind} with a coded report`, async () => {
      random.reseed(20261126 + n);
      for (let i = 0; i < Number(process.env.HOSTILE_N ?? 150); i++) {
        const input = make();
        const answer = await verifyForOfficer(input, {
          trust,
          foreign,
          now,
          clockToleranceSec: 60,
          entry: { economy: 'THA', ruleSet: exampleRuleSet },
        });
        expect(typeof answer.verified).toBe('boolean');
        expect(answer.errors.every((e) => typeof e.code === 'string' && String(e.code).length > 0)).toBe(
          true,
        );
        expect(() => JSON.stringify(answer)).not.toThrow();
        if (!answer.verified && answer.errors.length === 0)
          throw new Error(`${kind}: refused without a code`);
        const jws = kind.startsWith('Passage') ? passageJwsOf(input) : undefined;
        if (jws !== undefined && !passageJws.includes(jws) && answer.checks.decoding.ok) {
          expect(answer.checks.signature.ok, `${kind}: a changed JWS passed its signature check`).toBe(false);
        }
      }
    });
  }
});
