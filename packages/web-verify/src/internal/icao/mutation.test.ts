// Seeded mutations of real seals (data members, sig fields, certificate bytes, deep or huge JSON),
// verified by the Node verifier and the browser one: the reports must be equal, and the browser
// verifier must never throw.
import { verifyIcaoVdsNc } from '@passage/formats';
import { describe, expect, it } from 'vitest';
import { aus, testEntry, testSeal, testSigners } from '../../../../formats/src/icao/pki-fixtures.js';
// The seeded mutator of the schema package's compiled checks (a test helper, not public API).
import { mutations, prng } from '../../../../schema/src/compiled/mutate.js';
import { createWebIcaoTrust } from './trust.js';
import { verifyIcaoVdsNcWeb } from './verify.js';

type Seal = {
  data: { hdr: Record<string, unknown>; msg: Record<string, unknown> };
  sig: Record<string, string>;
};

const random = prng(0x1ca0);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const clone = <T>(value: T): T => structuredClone(value);

/** `sig.cer` with one to three bytes changed (flipped bits, or a random value). */
function mutateCer(seal: Seal): Seal {
  const bytes = Buffer.from(seal.sig.cer ?? '', 'base64url');
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const at = Math.floor(random() * bytes.length);
    bytes[at] =
      random() < 0.5 ? (bytes[at] ?? 0) ^ (1 << Math.floor(random() * 8)) : Math.floor(random() * 256);
  }
  return { ...seal, sig: { ...seal.sig, cer: bytes.toString('base64url') } };
}

/** One sig field changed: algorithm, a signature byte, a cut, padding, a foreign character. */
function mutateSig(seal: Seal): Seal {
  const field = pick(['alg', 'sigvl', 'cer'] as const);
  const value = seal.sig[field] ?? '';
  const at = Math.floor(random() * Math.max(value.length, 1));
  const changed = pick([
    () => value.slice(0, at),
    () => `${value}=`,
    () => `${value}==`,
    () => `${value.slice(0, at)}${pick(['A', '_', '-', '+', '/', '.', 'é'])}${value.slice(at + 1)}`,
    () => pick(['ES256', 'ES384', 'ES512', 'RS256', 'EdDSA', '', 'x'.repeat(21)]),
    () => `${value}${value}`,
  ])();
  return { ...seal, sig: { ...seal.sig, [field]: changed } };
}

/** Members nested deeper than any seal, or a message grown past the size bound. */
function hostile(seal: Seal): unknown {
  const text = JSON.stringify(seal);
  return pick([
    () => text.replace('"msg":{', `"msg":{"deep":${'['.repeat(200)}${']'.repeat(200)},`),
    () => text.replace('"msg":{', `"msg":{"deep":${'{"a":'.repeat(60)}1${'}'.repeat(60)},`),
    () => text.replace('"msg":{', `"msg":{"big":"${'x'.repeat(33_000)}",`),
    () => text.replace('"hdr":{', `"hdr":{"n":1e400,`),
    () => text.replace('"msg":{', `"msg":{"u":"\\ud800","e":"\\u00e9",`),
    () => ` \n${text}\t`,
  ])();
}

describe('verifyIcaoVdsNcWeb on mutated seals', () => {
  const aussie = { framework: 'icao', country: 'AUS', certificate: aus.cscaCertDerB64, crl: aus.crlDerB64 };
  const entries = [aussie, testEntry([0x43])];
  const seeds: Seal[] = [aus.validVds, testSeal(testSigners.good), testSeal(testSigners.noUsage)];
  const inputs: unknown[] = [
    ...mutations(seeds, 120, 0x1ca0),
    ...Array.from({ length: 90 }, () => mutateCer(pick(seeds))),
    ...Array.from({ length: 70 }, () => mutateSig(pick(seeds))),
    ...Array.from({ length: 20 }, () => hostile(pick(seeds))),
  ].map((input) => (typeof input !== 'string' && random() < 0.5 ? JSON.stringify(input) : clone(input)));

  it(`gives the Node report for ${inputs.length} mutations, and never throws`, async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const trust = await createWebIcaoTrust(entries);
    let verified = 0;
    for (const input of inputs) {
      const node = verifyIcaoVdsNc(input as string | object, { trust: entries, now });
      const web = await verifyIcaoVdsNcWeb(input, { trust, now });
      expect(web).toEqual(node);
      if (web.verified) verified++;
    }
    // The mutations reach every check, not only decoding: some seals still verify.
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThan(inputs.length);
  });
});
