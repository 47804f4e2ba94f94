// One autocannon load of `pnpm bench:http`, bounded in time and in requests, and the `## HTTP`
// section of docs/benchmarks.md.
import autocannon from 'autocannon';
import { machineLine } from './doc.js';
import { treeCpuSeconds } from './process-cpu.js';

/** One endpoint under load, with issue 5's target for it. */
export interface HttpLoad {
  name: string;
  key: string;
  url: string;
  headers: Record<string, string>;
  /** Request bodies, sent in turn. */
  bodies: string[];
  /** The load stops at this many requests even before its time is up. */
  maxRequests: number;
  /** Credentials per request (a batch); default 1. Throughput is counted in credentials. */
  itemsPerRequest?: number;
  /** Concurrent connections; default the run's. */
  connections?: number;
  /** Issue 5's target; none for a reference load (the HTTP floor). */
  target?: { opsPerSec: number; p99Ms?: number };
}

export interface LoadResult {
  spec: HttpLoad;
  /** Successful (2xx) responses per second, times the credentials each carries. */
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  durationSec: number;
  /** Server CPU (all its processes, user + system) per credential, in µs; undefined without /proc. */
  serverCpuUs: number | undefined;
  /** The load generator's CPU (this process, user + system) per credential, in µs. */
  clientCpuUs: number;
}

/** One request first: a load of error answers would be fast and worthless. */
async function probe(spec: HttpLoad, body: string): Promise<void> {
  const response = await fetch(spec.url, { method: 'POST', headers: spec.headers, body });
  const answer = (await response.json()) as {
    verified?: boolean;
    entry?: { outcome?: string };
    results?: { ok?: boolean }[];
  };
  if (!response.ok) throw new Error(`${spec.name} answered ${response.status}`);
  if (spec.key === 'verify' && (answer.verified !== true || answer.entry?.outcome !== 'meets')) {
    throw new Error(`${spec.name}: the sample does not verify and meet the rules`);
  }
  if (answer.results && !answer.results.every((r) => r.ok === true)) {
    throw new Error(`${spec.name}: an item of the sample batch was refused`);
  }
}

/** Runs autocannon for `durationSec` or `spec.maxRequests` requests, whichever comes first. */
export async function load(
  spec: HttpLoad,
  options: { connections: number; durationSec: number; check?: boolean; serverPid?: number },
): Promise<LoadResult> {
  if (options.check) for (const body of spec.bodies) await probe(spec, body);
  let turn = 0;
  const cpu = () => (options.serverPid === undefined ? undefined : treeCpuSeconds(options.serverPid));
  const cpuBefore = cpu();
  const clientBefore = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: 'POST',
        headers: spec.headers,
        requests: [
          { setupRequest: (request) => ({ ...request, body: spec.bodies[turn++ % spec.bodies.length] }) },
        ],
        connections: spec.connections ?? options.connections,
        amount: spec.maxRequests,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    const timer = setTimeout(() => instance.stop(), options.durationSec * 1000);
    instance.once('done', () => clearTimeout(timer));
  });
  const cpuAfter = cpu();
  const client = process.cpuUsage(clientBefore);
  const ok = result['2xx'];
  const requests = result.requests.total;
  const items = requests * (spec.itemsPerRequest ?? 1);
  return {
    clientCpuUs: items === 0 ? 0 : Math.round((client.user + client.system) / items),
    serverCpuUs:
      cpuBefore === undefined || cpuAfter === undefined || requests === 0
        ? undefined
        : Math.round(((cpuAfter - cpuBefore) * 1e6) / items),
    spec,
    opsPerSec: (ok * (spec.itemsPerRequest ?? 1)) / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    failed: result.non2xx + result.errors + result.timeouts,
    durationSec: Math.round(result.duration * 10) / 10,
  };
}

function met(r: LoadResult): boolean {
  const { target } = r.spec;
  if (target === undefined) return r.failed === 0;
  const fastEnough = r.opsPerSec >= target.opsPerSec;
  return fastEnough && (target.p99Ms === undefined || r.p99Ms < target.p99Ms) && r.failed === 0;
}

const targetText = (t: HttpLoad['target']) =>
  t === undefined
    ? '–'
    : `≥ ${t.opsPerSec.toLocaleString('en-US')}/s${t.p99Ms === undefined ? '' : `, p99 < ${t.p99Ms} ms`}`;

const metText = (r: LoadResult) => (r.spec.target === undefined ? '–' : met(r) ? 'yes' : '**no**');

/**
 * The most credentials a second the 2 cores could carry at this run's CPU cost per credential (server
 * processes and load generator together), were nothing else running and no core ever idle.
 */
function coreBound(r: LoadResult): number | undefined {
  const perItem = (r.serverCpuUs ?? Number.NaN) + r.clientCpuUs;
  return perItem > 0 ? Math.round(2e6 / perItem) : undefined;
}

/**
 * Profiles behind the HTTP figures (`bench:http --profile --only=verify|issue`, one server process,
 * summarized with scripts/bench/cpuprofile-summary.ts). Written by hand: re-profile when the paths change.
 */
const WHERE_THE_TIME_GOES = [
  "### Where an HTTP request's time goes",
  '',
  'Profiles of 2026-11-25 (one server process under the load above, on a machine with other work: ' +
    'read the shares, not the microseconds).',
  '',
  '- **Verifier** (about 1,100 µs of server CPU per verification in that run): the verification itself ' +
    '(QR decoding and inflating, signature, trust, status, schema, entry rules, officer view: the ' +
    "packages' in-process path) is about half; the ECDSA P-256 check in node:crypto alone about a " +
    "tenth. Node's HTTP parser and express (routing, body-parser) take about a fifth; the 6 kB answer " +
    'about a sixth (JSON.stringify about 4 %, the loopback socket write in the kernel about 11 %); ' +
    'logging and garbage collection a few per cent each. Taken off the request path: zod for the ' +
    "scanner's `{ qr, economy }` body (a hand check with a differential test; zod still takes every " +
    'other shape), the ETag hash express made of every answer, one log write call per request. The ' +
    'verifier then serves from one process per core (node:cluster, `PASSAGE_WORKERS`).',
  '- **Issuer** (single issuance): SQLite is the largest part, about a quarter, mostly its two ' +
    'inserts (the credential, with three indexes, and its status index, with a bucket-count trigger), ' +
    'each its own commit; Kysely building and compiling the queries about 6 %; zod (the input, then ' +
    "the completed subject in @passage/schema) about 8 %; signing about 6 % and the QR's deflate " +
    'about 6 %; HTTP, express and writing the 7 kB answer most of the rest. Since the first figures, ' +
    "the statements per credential went from 7 to 5 (the current status lists in one query; the authority's " +
    'personal-data setting from the authenticated caller), the ETag hash and per-request log writes ' +
    'left the path, and `PASSAGE_ISSUER_WORKERS` runs the issuer in several processes on one SQLite ' +
    'file (default 1; `bench:http --issuer-workers=2` measures it).',
  '- **Processes**: on the shared machine of 2026-11-25 (load average 3 to 9), alternating runs of ' +
    'the verifier in one and in two processes did not show what the second process gains: two gave ' +
    'from half to 1.1 times the throughput of one, at 10 to 50 % more server CPU per verification, ' +
    'and the best run (the table above, two processes, load average about 3) made 1,677 a second with ' +
    "p99 21 ms, against 765 and 31 ms in the idle run of 20:47 (one process, and before the day's " +
    'in-process verification work). Compare `bench:http --workers=1` with the ' +
    'default on a quiet machine and set `PASSAGE_WORKERS` from that. Two issuer processes on one ' +
    'SQLite file served about as many credentials as one (456 against 467 a second) for two thirds ' +
    'more server CPU per credential (3,600 against 2,140 µs), so the issuer stays at one process by ' +
    'default (`bench:http --issuer-workers=2` to measure again).',
  '',
];

/** One line of the run's output for a load. */
export function resultLine(r: LoadResult): string {
  const unit = (r.spec.itemsPerRequest ?? 1) > 1 ? 'credentials/s' : 'req/s';
  return (
    `${r.spec.name}: ${Math.round(r.opsPerSec)} ${unit}, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ` +
    `${r.requests} requests in ${r.durationSec} s, ${r.failed} failed, ` +
    `server CPU ${r.serverCpuUs ?? '?'} µs per credential or verification, load generator ${r.clientCpuUs} µs, ` +
    `2-core bound ${coreBound(r)?.toLocaleString('en-US') ?? '?'}/s; ` +
    (r.spec.target === undefined
      ? 'reference (no target)'
      : `target ${targetText(r.spec.target)} ${met(r) ? 'met' : 'NOT met'}`)
  );
}

/** The `## HTTP` section. */
export function httpSection(
  results: readonly LoadResult[],
  run: {
    quick: boolean;
    connections: number;
    durationSec: number;
    verifierWorkers: number;
    issuerWorkers: number;
    load: string;
  },
): string {
  return [
    '## HTTP',
    '',
    `Measured ${new Date().toISOString()} on ${machineLine()}; ${run.load}.`,
    `Reproduce with \`corepack pnpm bench:http${run.quick ? ' --quick' : ''}\` (scripts/bench-http.ts): the ` +
      `issuer (SQLite in a temporary folder) runs in ${run.issuerWorkers === 1 ? 'a child process, as `pnpm start` runs it' : `${run.issuerWorkers} processes (\`PASSAGE_ISSUER_WORKERS\`) on that file`}, and the ` +
      'verifier (signed trust list and entry rules from an operator key it pins) as its `server.ts` runs it, ' +
      `in ${run.verifierWorkers} process${run.verifierWorkers === 1 ? '' : 'es'} (node:cluster, ` +
      '`PASSAGE_WORKERS`, default one per core), all logging at `info` to a file. autocannon in the parent ' +
      `process keeps ${run.connections} connections busy on loopback (2 for the batch endpoint) for ` +
      `${run.durationSec} s or a bounded number of requests, after a warm-up. Load generator and ` +
      'servers share the 2 cores, so these figures understate a server with the machine to itself. ' +
      '**Use a quiet machine**: other processes take CPU from both. The server CPU column (user + system ' +
      'time of every server process, from /proc, per credential or verification) moves less with ' +
      'other load than the throughput does, though still up to twofold on a busy machine.',
    '',
    '| endpoint | requests | per second | p50 | p99 | failed | server CPU | load generator CPU | 2-core bound | target (issue 5) | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | :---: |',
    ...results.map(
      (r) =>
        `| ${r.spec.name} | ${r.requests.toLocaleString('en-US')} in ${r.durationSec} s | ` +
        `${Math.round(r.opsPerSec).toLocaleString('en-US')} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.failed} | ` +
        `${r.serverCpuUs === undefined ? '?' : `${r.serverCpuUs.toLocaleString('en-US')} µs`} | ` +
        `${r.clientCpuUs.toLocaleString('en-US')} µs | ${coreBound(r)?.toLocaleString('en-US') ?? '?'}/s | ` +
        `${targetText(r.spec.target)} | ${metText(r)} |`,
    ),
    '',
    '- Verify: QR texts of 32 certificates the issuer made (2 doses, revocation and suspension entries), ' +
      'in turn, with `economy: THA`; each verifier process fetches the status lists from the issuer once, ' +
      'then serves them from its cache.',
    '- Issue: the example vaccination input, a new credential per request: API key check, status index ' +
      'allocation, signing, QR text and the SQLite row, answered as JSON.',
    '- Batch: the same input, 100 items per request; per second counts credentials, not requests.',
    "- Floor: a plain node:http server in one process (in the servers' process) that reads each request " +
      'and answers the bytes of a real verify answer (same size and headers) with no work between: what ' +
      'HTTP, the loopback and the load generator cost on this machine before any verification.',
    "- Load generator CPU: autocannon's process (user + system) per request. 2-core bound: 2 CPU-seconds " +
      'a second divided by server plus load generator CPU per credential, the rate at which the two cores ' +
      'would run out were nothing else running and no core ever idle. A target above its bound cannot be ' +
      'met at that cost per request on this machine with the load generator beside the servers.',
    '',
    ...WHERE_THE_TIME_GOES,
  ].join('\n');
}
