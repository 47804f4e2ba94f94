import { isDeepStrictEqual } from 'node:util';
import { Encoder, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
// The seeded mutator of the schema package's compiled checks (a test helper, not public API).
import { mutations, prng } from '../../../schema/src/compiled/mutate.js';
import { type DccClaims, parseDccClaims } from './cwt.js';
import { readDccClaimsFast } from './cwt-fast.js';
import { decodeDcc } from './decode.js';
import { dccCaseFolders, dccCasesIn } from './fixtures.js';

/** The CWT payload of every EU test case that decodes as far as its COSE message. */
const payloads = dccCaseFolders()
  .flatMap(dccCasesIn)
  .flatMap(([, testCase]) => {
    try {
      return [decodeDcc(testCase.PREFIX ?? '').cose.payload];
    } catch {
      return [];
    }
  });

/** What the full path (cbor-x, then parseDccClaims) answers: the claims, or that it throws. */
function fullPath(payload: Uint8Array): DccClaims | 'throws' {
  try {
    return parseDccClaims(payload);
  } catch {
    return 'throws';
  }
}

/** The fast reader either leaves the payload to the full path or answers exactly what it answers. */
function disagreement(payload: Uint8Array): unknown {
  const fast = readDccClaimsFast(payload);
  if (fast === undefined) return undefined;
  const full = fullPath(payload);
  const same =
    full !== 'throws' && isDeepStrictEqual(fast, full) && JSON.stringify(fast) === JSON.stringify(full);
  return same ? undefined : { payload: Buffer.from(payload).toString('hex'), fast, full };
}

const encoder = new Encoder({ mapsAsObjects: false, useRecords: false });

/** A claims map around `hcert`, with extra members that exercise the reader's edges. */
function claimsWith(hcert: unknown, random: () => number): Uint8Array {
  const toMap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(toMap);
    if (typeof value === 'object' && value !== null)
      return new Map(Object.entries(value).map(([k, v]) => [k, toMap(v)]));
    return value;
  };
  const claims = new Map<unknown, unknown>([
    [1, 'XX'],
    [4, 1_700_000_000],
    [6, 1_600_000_000],
    [-260, new Map([[1, toMap(hcert)]])],
  ]);
  const extras: unknown[] = [
    1.5,
    new Tag(1, 1),
    new Uint8Array([1, 2]),
    null,
    'ünï',
    2 ** 40,
    -(2 ** 31),
    [],
    undefined,
  ];
  const roll = random();
  if (roll < 0.2) claims.set(99, extras[Math.floor(random() * extras.length)]);
  else if (roll < 0.3) claims.set(4, extras[Math.floor(random() * extras.length)]);
  else if (roll < 0.4) claims.set(1, extras[Math.floor(random() * extras.length)]);
  else if (roll < 0.45) claims.delete(6);
  return encoder.encode(claims);
}

describe('one-pass CWT claims reader', () => {
  it('reads every EU test case payload the full path accepts', () => {
    expect(payloads.length).toBeGreaterThan(20);
    for (const payload of payloads) {
      expect(disagreement(payload)).toBeUndefined();
      if (fullPath(payload) !== 'throws') expect(readDccClaimsFast(payload)).toBeDefined();
    }
  });

  it('agrees with the full path on 20,000 byte-level mutations', () => {
    const random = prng(41);
    const found: unknown[] = [];
    let answered = 0;
    for (let i = 0; i < 20_000; i++) {
      const seed = payloads[i % payloads.length] ?? new Uint8Array();
      const bytes = Buffer.from(seed);
      const at = Math.floor(random() * bytes.length);
      const roll = random();
      let payload: Uint8Array;
      if (roll < 0.5) {
        bytes[at] = Math.floor(random() * 256);
        payload = bytes;
      } else if (roll < 0.7) payload = bytes.subarray(0, at);
      else if (roll < 0.85)
        payload = Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from([Math.floor(random() * 256)]),
          bytes.subarray(at),
        ]);
      else payload = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
      const problem = disagreement(payload);
      if (problem) found.push(problem);
      if (readDccClaimsFast(payload) !== undefined) answered++;
    }
    expect(found[0]).toBeUndefined();
    expect(answered).toBeGreaterThan(2_000);
  });

  it('agrees with the full path on 5,000 mutated payloads re-encoded', () => {
    const seeds = payloads.flatMap((p) => {
      const full = fullPath(p);
      return full === 'throws' ? [] : [full.hcert];
    });
    const random = prng(43);
    const found: unknown[] = [];
    let answered = 0;
    for (const hcert of mutations(seeds, 5_000, 17)) {
      const payload = claimsWith(hcert, random);
      const problem = disagreement(payload);
      if (problem) found.push(problem);
      if (readDccClaimsFast(payload) !== undefined) answered++;
    }
    expect(found[0]).toBeUndefined();
    expect(answered).toBeGreaterThan(2_000);
  });

  it('leaves nesting beyond the payload bound and __proto__ to the full path', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i++) deep = [deep];
    for (const hcert of [{ ver: '1.3.0', deep }, JSON.parse('{"__proto__":{"a":1},"ver":"1.3.0"}')]) {
      const payload = claimsWith(hcert, () => 0.99);
      expect(readDccClaimsFast(payload)).toBeUndefined();
      expect(disagreement(payload)).toBeUndefined();
    }
  });

  it('keeps the last value of a claim given twice, as cbor-x does', () => {
    const twice = Buffer.from(claimsWith({ ver: '1' }, () => 0.99));
    expect(twice[0]).toBe(0xa4);
    const duplicated = Buffer.concat([Buffer.from([0xa5]), twice.subarray(1), Buffer.from([0x04, 0x01])]);
    expect(readDccClaimsFast(duplicated)?.exp).toBe(1);
    expect(disagreement(duplicated)).toBeUndefined();
  });
});
