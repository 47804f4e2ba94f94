/**
 * HTTP load benchmark (issue 5): autocannon on loopback against the verifier's `POST /v1/verify`
 * (QR text, Thailand's entry rules), the issuer's `POST /v1/vaccination-certificates` (SQLite) and its
 * batch endpoint, all started by a child process (scripts/bench/http-servers.ts) in a temporary data
 * folder, the verifier as a cluster of one process per core. Each load is bounded in time and in
 * requests. Prints throughput, p50/p99, server CPU per credential and whether issue 5's target is met,
 * rewrites the `## HTTP` section of docs/benchmarks.md and ends with one line of JSON.
 *
 * Run: corepack pnpm bench:http [--quick] [--no-doc] [--profile] [--workers=N] [--only=KEY] [--client=wrk|autocannon]
 *   [--connections=N]  (every load; default 10 for the verifier and floor, 32 for the issuer, 2 for the batch)
 * The load generator is wrk (Debian's package, installed when missing and we may), a C program that
 * needs about a tenth of autocannon's CPU per request; autocannon when wrk cannot be had, or when told.
 * With --profile the servers' process profiles each load window (the inspector, not the set-up);
 * the profiles land in a folder named at the end (summarize with scripts/bench/cpuprofile-summary.ts).
 * --workers=N runs the verifier in N processes (default: one per core; 1 with --profile);
 * --issuer-workers=N the issuer (default: its own, one per core; 1 with --profile).
 * --only=verify (or floor, issue, issueBatch) runs that load only; floor is plain node:http with no work.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, writeSections } from './bench/doc.js';
import { hostVerifyRate } from './bench/host-speed.js';
import { type HttpLoad, httpSection, type LoadResult, load, probe, resultLine } from './bench/http-load.js';
import type { HttpServers } from './bench/http-servers.js';
import { ensureWrk, wrkLoad } from './bench/wrk-load.js';

const quick = process.argv.includes('--quick');
const writeDoc = !process.argv.includes('--no-doc');
const profileDir = process.argv.includes('--profile')
  ? mkdtempSync(join(tmpdir(), 'passage-http-prof-'))
  : undefined;
const durationSec = quick ? 4 : 15;
const warmupSec = quick ? 1 : 3;
const connectionsArg = process.argv
  .find((a) => a.startsWith('--connections='))
  ?.slice('--connections='.length);
/** Connections for the verifier and the floor (a few busy border posts); --connections=N for every load. */
const CONNECTIONS = Number(connectionsArg ?? 10);
/** The issuer's: concurrent issuances share one SQLite transaction, so in-flight requests matter. */
const ISSUE_CONNECTIONS = Number(connectionsArg ?? 32);
/** Credentials per request of the batch endpoint's load. */
const BATCH = 100;
const workersArg = process.argv.find((a) => a.startsWith('--workers='))?.slice('--workers='.length);
// Profiles are taken in the servers' process: the verifier runs there (one worker) unless told otherwise.
const workers = workersArg ?? (profileDir ? '1' : '');
// Unset: the issuer's own default (one process per core), as its server.ts runs it; one with --profile.
const issuerWorkers =
  process.argv.find((a) => a.startsWith('--issuer-workers='))?.slice('--issuer-workers='.length) ??
  (profileDir ? '1' : '');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const log = (line: string) => process.stderr.write(`bench:http: ${line}\n`);
const clientArg = process.argv.find((a) => a.startsWith('--client='))?.slice('--client='.length);
if (clientArg !== undefined && clientArg !== 'wrk' && clientArg !== 'autocannon') {
  throw new Error(`--client=${clientArg}: wrk or autocannon`);
}
const useWrk = clientArg !== 'autocannon' && ensureWrk(log);
if (clientArg === 'wrk' && !useWrk) throw new Error('--client=wrk: wrk is not installed and cannot be');
if (!useWrk && clientArg === undefined) log('wrk is not available: autocannon drives the loads');

/** A free loopback port (the issuer must know its own public URL before it listens). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'passage-bench-http-'));
const logFile = join(dataDir, 'servers.log');
const logFd = openSync(logFile, 'a');
const child = fork(
  join(ROOT, 'scripts', 'bench', 'http-servers.ts'),
  [dataDir, String(await freePort()), String(await freePort()), workers, issuerWorkers],
  {
    execArgv: ['--import', 'tsx', '--conditions=@passage/source'],
    stdio: ['ignore', logFd, logFd, 'ipc'],
    cwd: ROOT,
  },
);
const stop = () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};
process.once('exit', stop);

const servers = await new Promise<HttpServers>((resolve, reject) => {
  child.once('message', (message) => resolve(message as HttpServers));
  child.once('exit', (code) => reject(new Error(`the servers exited (${code}); see ${logFile}`)));
});
// scripts/bench/supervise.mjs starts this script again unless it reaches this line.
log(
  `measuring; servers up: issuer ${servers.issuerUrl} (${servers.issuerWorkers} process(es)), ` +
    `verifier ${servers.verifierUrl} (${servers.verifierWorkers} process(es))`,
);

const loads: HttpLoad[] = [
  {
    name: 'verifier `POST /v1/verify` (QR text, economy THA)',
    key: 'verify',
    url: `${servers.verifierUrl}/v1/verify`,
    headers: { 'content-type': 'application/json' },
    bodies: servers.qrs.map((qr) => JSON.stringify({ qr, economy: 'THA' })),
    maxRequests: quick ? 20_000 : 100_000,
    target: { opsPerSec: 3000, p99Ms: 25 },
  },
  {
    name: 'floor: plain node:http answering the same verify answer, no work (1 process)',
    key: 'floor',
    url: servers.floorUrl,
    headers: { 'content-type': 'application/json' },
    bodies: servers.qrs.map((qr) => JSON.stringify({ qr, economy: 'THA' })),
    maxRequests: quick ? 40_000 : 200_000,
  },
  {
    name: 'issuer `POST /v1/vaccination-certificates` (SQLite)',
    key: 'issue',
    url: `${servers.issuerUrl}/v1/vaccination-certificates`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${servers.apiKey}` },
    bodies: [JSON.stringify(servers.vaccination)],
    connections: ISSUE_CONNECTIONS,
    maxRequests: quick ? 10_000 : 40_000,
    target: { opsPerSec: 1500 },
  },
  {
    name: `issuer \`POST /v1/vaccination-certificates/batch\` (${BATCH} per request, SQLite)`,
    key: 'issueBatch',
    url: `${servers.issuerUrl}/v1/vaccination-certificates/batch`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${servers.apiKey}` },
    bodies: [JSON.stringify(Array.from({ length: BATCH }, () => ({ data: servers.vaccination })))],
    itemsPerRequest: BATCH,
    connections: connectionsArg === undefined ? 2 : CONNECTIONS,
    maxRequests: quick ? 200 : 1000,
    target: { opsPerSec: 10_000 },
  },
];

/** Sends the child a profiling request and waits for its acknowledgement. */
function ask(message: { profile: 'start' | 'stop'; file?: string }): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (reply: { profiled?: string }) => {
      if (reply.profiled !== message.profile) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

// The host's speed (every core at once, the servers idle) before the loads and after them: host-speed.ts.
const hostBefore = await hostVerifyRate();
log(`host speed: node:crypto ES256 verify ${hostBefore.toLocaleString('en-US')}/s`);
const results: LoadResult[] = [];
for (const spec of loads.filter((l) => only === undefined || l.key === only)) {
  log(`${spec.name}: warm-up ${warmupSec} s`);
  for (const body of spec.bodies) await probe(spec, body);
  const drive = useWrk ? wrkLoad : load;
  await drive(spec, { connections: CONNECTIONS, durationSec: warmupSec });
  log(`${spec.name}: ${durationSec} s or ${spec.maxRequests} requests (${useWrk ? 'wrk' : 'autocannon'})`);
  if (profileDir) await ask({ profile: 'start' });
  const result = await drive(spec, {
    connections: CONNECTIONS,
    durationSec,
    ...(child.pid === undefined ? {} : { serverPid: child.pid }),
  });
  results.push(result);
  if (profileDir) {
    const file = join(profileDir, `${spec.key}.cpuprofile`);
    await ask({ profile: 'stop', file });
    log(`${spec.name}: profile in ${file} (${result.requests} requests)`);
  }
}
const hostAfter = await hostVerifyRate();
log(`host speed after the loads: node:crypto ES256 verify ${hostAfter.toLocaleString('en-US')}/s`);
await new Promise((resolve) => {
  child.once('exit', resolve);
  child.kill('SIGTERM');
});
stop();
if (profileDir) log(`server CPU profiles in ${profileDir}`);

for (const r of results) console.log(resultLine(r));
const loadAverage = loadavg()
  .map((n) => n.toFixed(1))
  .join(', ');
if (writeDoc)
  writeSections([
    [
      '## HTTP',
      httpSection(results, {
        quick,
        connections: CONNECTIONS,
        durationSec,
        verifierWorkers: servers.verifierWorkers,
        issuerWorkers: servers.issuerWorkers,
        load: `load average at the end ${loadAverage} (1, 5, 15 min)`,
        hostVerifyRates: [hostBefore, hostAfter],
      }),
    ],
  ]);
const by = (key: string) => results.find((r) => r.spec.key === key);
console.log(
  JSON.stringify({
    verifyHttpOpsPerSec: Math.round(by('verify')?.opsPerSec ?? 0),
    verifyHttpP50Ms: by('verify')?.p50Ms,
    verifyHttpP99Ms: by('verify')?.p99Ms,
    issueHttpOpsPerSec: Math.round(by('issue')?.opsPerSec ?? 0),
    issueHttpP50Ms: by('issue')?.p50Ms,
    issueHttpP99Ms: by('issue')?.p99Ms,
    issueBatchHttpOpsPerSec: Math.round(by('issueBatch')?.opsPerSec ?? 0),
    issueBatchHttpP50Ms: by('issueBatch')?.p50Ms,
    issueBatchHttpP99Ms: by('issueBatch')?.p99Ms,
    verifyHttpServerCpuUs: by('verify')?.serverCpuUs,
    verifyHttpClientCpuUs: by('verify')?.clientCpuUs,
    floorHttpOpsPerSec: Math.round(by('floor')?.opsPerSec ?? 0),
    floorHttpServerCpuUs: by('floor')?.serverCpuUs,
    issueHttpServerCpuUs: by('issue')?.serverCpuUs,
    verifierWorkers: servers.verifierWorkers,
    issuerWorkers: servers.issuerWorkers,
    hostVerifyOpsPerSecBefore: hostBefore,
    hostVerifyOpsPerSecAfter: hostAfter,
    failed: results.reduce((n, r) => n + r.failed, 0),
    quick,
  }),
);
process.exit(0);
