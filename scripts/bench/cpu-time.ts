// CPU time per operation of Passage's paths and of raw node:crypto, for comparing two versions of
// the code on a busy machine: other processes stretch wall-clock time, far less the CPU time this
// process itself spends (process.cpuUsage: user + system, all of its threads, GC included).
//   corepack pnpm exec tsx --conditions=@passage/source scripts/bench/cpu-time.ts [PATH,PATH] [ES256|EdDSA]
// Paths: verify (the officer path), verifyBare, issue, dcc, shc, nodeVerify, nodeSign. Each is run
// in rounds of 200 operations, round-robin, 15 rounds after a warm-up; the median round is printed.
import { sign, verify } from 'node:crypto';
import { join } from 'node:path';
import { createBenchAuthority } from './authority.js';
import { dccCases, shcCases } from './cases-foreign.js';
import { issueQr, issueQrs, type VerifierState, verifyCases } from './cases-passage.js';
import { seededStatusCache, statusListsOf, trustStoreOf } from './credentials.js';
import { ROOT } from './doc.js';

const [wanted = 'nodeVerify,verify,verifyBare,nodeSign,issue', alg = 'ES256'] = process.argv.slice(2);
const authority = await createBenchAuthority(alg === 'EdDSA' ? 'EdDSA' : 'ES256');
const lists = statusListsOf();
const trust = trustStoreOf([authority], 1);
const state: VerifierState = { trust, statusLists: await seededStatusCache(authority, [lists], trust) };
const [officer, bare] = await verifyCases(authority, await issueQrs(authority, lists, 32), state);
const vectors = join(ROOT, 'test', 'vectors');
const [dccRaw, dcc] = dccCases(vectors);
const [shcRaw, shc] = shcCases(vectors);
if (!officer || !bare) throw new Error('no verify case');
const data = Buffer.from('x'.repeat(600));
const ec = alg === 'EdDSA' ? undefined : 'sha256';
const signature = sign(ec ?? null, data, { key: authority.privateKey, dsaEncoding: 'ieee-p1363' });
const ops: Record<string, () => unknown> = {
  nodeVerify: () =>
    verify(ec ?? null, data, { key: authority.publicKey, dsaEncoding: 'ieee-p1363' }, signature),
  nodeSign: () => sign(ec ?? null, data, { key: authority.privateKey, dsaEncoding: 'ieee-p1363' }),
  verify: officer.op,
  verifyBare: bare.op,
  issue: () => issueQr(authority, lists),
  ...(dcc && dccRaw ? { dcc: dcc.op, dccRaw: dccRaw.op } : {}),
  ...(shc && shcRaw ? { shc: shc.op, shcRaw: shcRaw.op } : {}),
};
const names = wanted.split(',');
for (const name of names)
  if (!ops[name]) throw new Error(`unknown path ${name}: ${Object.keys(ops).join(', ')}`);

async function round(op: () => unknown, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await op();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const rounds = new Map<string, number[]>(names.map((n) => [n, []]));
for (let r = 0; r < 20; r++) {
  for (const name of names) {
    const op = ops[name];
    if (!op) continue;
    const us = await round(op, 200);
    if (r >= 5) rounds.get(name)?.push(us);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
for (const [name, xs] of rounds)
  console.log(`${name.padEnd(12)} ${median(xs).toFixed(1).padStart(8)} µs CPU/op`);
