// How fast this host runs at the moment: node:crypto ES256 verifications a second on every core at
// once. The shared 2-core host of these benchmarks changes speed by a fifth or more from one minute to
// the next, and its cores not always together (one measured 8,400 a second while the other did
// 11,200); bench:http measures this before and after its loads so that runs can be compared.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * One thread's probe (plain JavaScript, run as an eval worker): ES256 verifications of a signing input
 * the size of a Passage credential's, for `workerData` milliseconds; posts the rate.
 */
const PROBE = `
const { generateKeyPairSync, sign, verify } = require('node:crypto');
const { parentPort, workerData } = require('node:worker_threads');
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const data = Buffer.alloc(2700, 0x2e);
const key = { key: publicKey, dsaEncoding: 'ieee-p1363' };
const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
const started = process.hrtime.bigint();
const end = started + BigInt(workerData) * 1000000n;
let count = 0;
let now = started;
while (now < end) {
  for (let i = 0; i < 50; i++) {
    if (!verify('sha256', data, key, signature)) throw new Error('the host speed probe did not verify');
  }
  count += 50;
  now = process.hrtime.bigint();
}
parentPort.postMessage(Math.round((count * 1e9) / Number(now - started)));
`;

function probeThread(ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PROBE, { eval: true, workerData: ms });
    worker.once('message', (rate: number) => resolve(rate));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the host speed probe exited (${code})`)));
  });
}

/**
 * node:crypto ES256 verifications a second, summed over one thread per core running together for
 * about `ms` milliseconds: what the machine's cores can do right now on a verifier's heaviest step.
 */
export async function hostVerifyRate(ms = 1000, threads = cpus().length): Promise<number> {
  const rates = await Promise.all(Array.from({ length: Math.max(1, threads) }, () => probeThread(ms)));
  return rates.reduce((sum, rate) => sum + rate, 0);
}
