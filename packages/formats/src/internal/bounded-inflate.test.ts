import { deflateRawSync, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// The seeded PRNG of the schema package's compiled checks (a test helper, not public API).
import { prng } from '../../../schema/src/compiled/mutate.js';
import { inflateBounded } from './bounded-inflate.js';

const MAX = 64 * 1024;

/** What a call answers: the bytes' length and a checksum, or the kind of error. */
function outcome(run: () => Buffer): string {
  try {
    const out = run();
    return `ok ${out.length} ${out.reduce((sum, byte, i) => (sum + byte * (i + 1)) % 1_000_003, 0)}`;
  } catch (error) {
    return error instanceof RangeError ? 'too large' : 'invalid';
  }
}

function streamsAround(bound: number, deflate: (data: Buffer) => Buffer): Buffer[] {
  const random = prng(bound);
  const sizes = [
    0,
    1,
    1374,
    bound - 1,
    bound,
    bound + 1,
    bound + 2048,
    70_000,
    79_999,
    81_919,
    81_920,
    81_921,
    90_000,
    200_000,
  ];
  const streams: Buffer[] = [];
  for (const size of sizes) {
    const data = Buffer.from(
      Array.from({ length: size }, () => (random() < 0.8 ? 97 : Math.floor(random() * 256))),
    );
    const stream = deflate(data);
    streams.push(stream);
    // Truncated and corrupted at several points: errors before, at and after the bound.
    for (const at of [0.3, 0.6, 0.8, 0.9, 0.97, 0.995, 1]) {
      const cut = Math.floor(stream.length * at);
      streams.push(stream.subarray(0, cut));
      const bad = Buffer.from(stream);
      if (cut < bad.length) bad[cut] = (bad[cut] ?? 0) ^ 0x5a;
      streams.push(bad);
      streams.push(Buffer.concat([stream.subarray(0, cut), Buffer.from([0xff, 0xff, 0xff])]));
    }
  }
  return streams;
}

describe('bounded inflate with a small chunk', () => {
  it('answers as inflateSync with only the bound does, for zlib streams around the bound', () => {
    for (const stream of streamsAround(MAX, (d) => deflateSync(d)))
      expect(outcome(() => inflateBounded('zlib', stream, MAX))).toBe(
        outcome(() => inflateSync(stream, { maxOutputLength: MAX })),
      );
  });

  it('answers as inflateRawSync with only the bound does, for raw streams around the bound', () => {
    for (const stream of streamsAround(MAX, (d) => deflateRawSync(d)))
      expect(outcome(() => inflateBounded('raw', stream, MAX))).toBe(
        outcome(() => inflateRawSync(stream, { maxOutputLength: MAX })),
      );
  });

  it('answers as the defaults do for stored blocks, which stop exactly at chunk ends', () => {
    for (const stream of streamsAround(MAX, (d) => deflateRawSync(d, { level: 0 })))
      expect(outcome(() => inflateBounded('raw', stream, MAX))).toBe(
        outcome(() => inflateRawSync(stream, { maxOutputLength: MAX })),
      );
  });
});
