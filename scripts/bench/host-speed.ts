// How fast this host runs at the moment: node:crypto ES256 verifications a second, in this process.
// The shared 2-core host of these benchmarks changes speed by a fifth or more from one minute to the
// next; bench:http measures this before and after its loads so that runs can be compared.
import { generateKeyPairSync, sign, verify } from 'node:crypto';

/** The size of a Passage credential's signing input, so the hashing share matches a real verify. */
const SIGNING_INPUT_BYTES = 2700;

/** node:crypto ES256 verifications a second over about `ms` milliseconds of this thread. */
export function hostVerifyRate(ms = 1000): number {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.alloc(SIGNING_INPUT_BYTES, 0x2e);
  const key = { key: publicKey, dsaEncoding: 'ieee-p1363' as const };
  const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const started = process.hrtime.bigint();
  const end = started + BigInt(ms) * 1_000_000n;
  let count = 0;
  let now = started;
  while (now < end) {
    for (let i = 0; i < 50; i++) {
      if (!verify('sha256', data, key, signature)) throw new Error('the host speed probe did not verify');
    }
    count += 50;
    now = process.hrtime.bigint();
  }
  return Math.round((count * 1e9) / Number(now - started));
}
