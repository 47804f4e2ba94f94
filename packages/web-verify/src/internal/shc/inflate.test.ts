import { deflateRawSync } from 'node:zlib';
import { isCredentialError } from '@passage/credentials/pure';
import { describe, expect, it } from 'vitest';
// The Node verifier's own inflate (not exported by the package): the outcomes to reproduce.
import { inflateShcPayload as inflateInNode } from '../../../../formats/src/shc/jws.js';
import { prng } from '../../../../schema/src/compiled/mutate.js';
import { inflateShcPayload } from './inflate.js';

/** What an inflate answers: the length and a checksum of the bytes, or the error code. */
function outcome(run: () => Uint8Array): string {
  try {
    const out = run();
    return `ok ${out.length} ${out.reduce((sum, byte, i) => (sum + byte * (i + 1)) % 1_000_003, 0)}`;
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    return error.code;
  }
}

const KIB = 1024;
// Around the bound (64 KiB) and the point where Node's count trips (80 KiB), and far beyond.
const SIZES = [
  0,
  1,
  1374,
  64 * KIB - 1,
  64 * KIB,
  64 * KIB + 1,
  70_000,
  80 * KIB - 1,
  80 * KIB,
  80 * KIB + 1,
  90_000,
  120_000,
];

function concat(a: Uint8Array, b: readonly number[]): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function streams(level: number): Uint8Array[] {
  const random = prng(level + 7);
  const out: Uint8Array[] = [];
  for (const size of SIZES) {
    const data = new Uint8Array(size);
    for (let i = 0; i < size; i++) data[i] = random() < 0.8 ? 97 : Math.floor(random() * 256);
    const stream = new Uint8Array(deflateRawSync(data, { level }));
    out.push(stream);
    // Truncated, corrupted and followed by other bytes at several points: before, at and after the bound.
    for (const at of [0, 0.5, 0.8, 0.9, 0.97, 0.995, 1]) {
      const cut = Math.floor(stream.length * at);
      out.push(stream.slice(0, cut));
      const bad = stream.slice();
      if (cut < bad.length) bad[cut] = (bad[cut] ?? 0) ^ 0x5a;
      out.push(bad);
      out.push(concat(stream.subarray(0, cut), [0xff, 0xff, 0xff]));
    }
    out.push(concat(stream, [0x00]));
  }
  return out;
}

describe('the card payload inflated with pako', () => {
  it('answers as the Node verifier’s inflate, for streams around the bound', () => {
    const answers = new Set<string>();
    for (const level of [0, 6]) {
      for (const stream of streams(level)) {
        const web = outcome(() => inflateShcPayload(stream));
        expect(web).toBe(outcome(() => inflateInNode(Buffer.from(stream))));
        answers.add(web.split(' ')[0] ?? '');
      }
    }
    expect([...answers].sort()).toEqual(['INPUT_TOO_LARGE', 'INVALID_COMPRESSION', 'ok']);
  });

  it('reads a stream followed by other bytes as zlib does: up to its end', () => {
    const stream = new Uint8Array(deflateRawSync(new TextEncoder().encode('{"iss":"x"}')));
    const followed = concat(stream, [1, 2, 3]);
    expect(new TextDecoder().decode(inflateShcPayload(followed))).toBe('{"iss":"x"}');
  });
});
