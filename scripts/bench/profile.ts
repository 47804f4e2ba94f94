// CPU profile of one Passage path of `pnpm bench` (issue, verify, verifyBare), alone, for a number
// of seconds after a warm-up: the inspector profiles the timed loop only, not the set-up. Writes
// the .cpuprofile (open it in Chrome DevTools) and prints where the time goes per operation:
//   corepack pnpm exec tsx --conditions=@passage/source scripts/bench/profile.ts verify 10 /tmp/verify.cpuprofile
// Paths: issue, verify (the officer path), verifyBare (verifyCredentialDetailed), dcc, shc, vds, and
// dccRaw, shcRaw, vdsRaw (raw node:crypto verify of the same signature, to compare its self time with).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createBenchAuthority } from './authority.js';
import { dccCases, icaoCases, shcCases } from './cases-foreign.js';
import { issueQr, issueQrs, type VerifierState, verifyCases } from './cases-passage.js';
import { type CpuProfile, summarize } from './cpuprofile-summary.js';
import { seededStatusCache, statusListsOf, trustStoreOf } from './credentials.js';
import { ROOT } from './doc.js';

const [path = 'verify', seconds = '10', out = `/tmp/passage-${path}.cpuprofile`] = process.argv.slice(2);
const authority = await createBenchAuthority('ES256');
const lists = statusListsOf();
const trust = trustStoreOf([authority], 1);
const state: VerifierState = { trust, statusLists: await seededStatusCache(authority, [lists], trust) };
const vectors = join(ROOT, 'test', 'vectors');
const [dccRaw, dcc] = dccCases(vectors);
const [shcRaw, shc] = shcCases(vectors);
const [vdsRaw, vds] = icaoCases(vectors);
const [officer, bare] = await verifyCases(authority, await issueQrs(authority, lists, 32), state);
if (!officer || !bare) throw new Error('no verify case');

const ops: Record<string, () => unknown> = {
  verify: officer.op,
  verifyBare: bare.op,
  ...(dcc && dccRaw ? { dcc: dcc.op, dccRaw: dccRaw.op } : {}),
  ...(shc && shcRaw ? { shc: shc.op, shcRaw: shcRaw.op } : {}),
  ...(vds && vdsRaw ? { vds: vds.op, vdsRaw: vdsRaw.op } : {}),
  issue: () => issueQr(authority, lists),
};
const op = ops[path];
if (!op) throw new Error(`unknown path ${path}: ${Object.keys(ops).join(', ')}`);
const run = async (ms: number) => {
  const end = Date.now() + ms;
  let count = 0;
  while (Date.now() < end) {
    for (let i = 0; i < 100; i++) await op();
    count += 100;
  }
  return count;
};
await run(2000);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const count = await run(Number(seconds) * 1000);
const { profile } = await session.post('Profiler.stop');
session.disconnect();
writeFileSync(out, JSON.stringify(profile));
process.stderr.write(
  `${path}: ${count} operations, ${Math.round(count / Number(seconds))}/s; profile in ${out}\n`,
);
summarize(profile as unknown as CpuProfile, count, 30);
