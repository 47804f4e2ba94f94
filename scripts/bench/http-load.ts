// One autocannon load of `pnpm bench:http` (wrk-load.ts drives the same loads with wrk), bounded in
// time and in requests, and the `## HTTP` section of docs/benchmarks.md.
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
  /** The load generator's CPU (its process, user + system) per credential, in µs. */
  clientCpuUs: number;
  /** Which load generator drove the load. */
  generator: 'autocannon' | 'wrk';
  /** Connections kept busy. */
  connections: number;
}

/** One request first: a load of error answers would be fast and worthless. */
export async function probe(spec: HttpLoad, body: string): Promise<void> {
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

/** What a load generator counted over one load. */
export interface LoadCounts {
  requests: number;
  /** Requests answered 2xx. */
  ok: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  durationSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The load generator's own CPU over the load, in seconds. */
  clientCpuSec: number;
}

/** How a load runs: its connections (unless the spec has its own), its time, whose CPU is the servers'. */
export interface LoadOptions {
  connections: number;
  durationSec: number;
  serverPid?: number;
}

/**
 * Starts measuring a load: reads the servers' CPU now, and answers the function that reads it again
 * and turns a generator's counts into the load's result (throughput and CPU per credential).
 */
export function measureLoad(
  spec: HttpLoad,
  options: LoadOptions,
  generator: LoadResult['generator'],
): (counts: LoadCounts) => LoadResult {
  const cpu = () => (options.serverPid === undefined ? undefined : treeCpuSeconds(options.serverPid));
  const cpuBefore = cpu();
  return (counts) => {
    const cpuAfter = cpu();
    const perRequest = spec.itemsPerRequest ?? 1;
    const items = counts.requests * perRequest;
    return {
      spec,
      opsPerSec: (counts.ok * perRequest) / counts.durationSec,
      p50Ms: counts.p50Ms,
      p99Ms: counts.p99Ms,
      requests: counts.requests,
      failed: counts.failed,
      durationSec: Math.round(counts.durationSec * 10) / 10,
      clientCpuUs: items === 0 ? 0 : Math.round((counts.clientCpuSec * 1e6) / items),
      serverCpuUs:
        cpuBefore === undefined || cpuAfter === undefined || items === 0
          ? undefined
          : Math.round(((cpuAfter - cpuBefore) * 1e6) / items),
      generator,
      connections: spec.connections ?? options.connections,
    };
  };
}

/** Runs autocannon for `durationSec` or `spec.maxRequests` requests, whichever comes first. */
export async function load(spec: HttpLoad, options: LoadOptions): Promise<LoadResult> {
  let turn = 0;
  const finish = measureLoad(spec, options, 'autocannon');
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
  const client = process.cpuUsage(clientBefore);
  return finish({
    requests: result.requests.total,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    durationSec: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    clientCpuSec: (client.user + client.system) / 1e6,
  });
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
  'CPU profiles (`--profile`: one server process, each path under wrk for 15 s on an otherwise idle ' +
    'machine): the verifier at 2026-11-26 ~08:55 UTC, the issuer at 05:40–06:10 (before its WAL, ' +
    "deflate and random-pool changes of that morning). Shares are of the server's time, idle included.",
  '',
  "- **Verifier** (516 µs a verification in the profile), the scanner's `POST /v1/verify` answered " +
    'ahead of express (`serveAhead` in @passage/service-kit): the ECDSA P-256 check in node:crypto 23 %; ' +
    'decoding the QR text (base45, a fresh zlib stream to inflate, JSON.parse of the 2 kB payload) 12 %; ' +
    'the checks (schema, status lists, trust, validity) 8 %; the entry rules and the officer view 8 %; ' +
    'JSON.stringify of the 5.7 kB answer 8 % and writing it to the socket 9 %; reading the request ' +
    "(Node's HTTP parser, the body, JSON.parse) about 8 %; the log line 5 %; garbage collection 2 %; " +
    'idle 3 %. The `sources` block every answer carries is built once per second and per update, not ' +
    "per verification. Before, the same request went through express as middleware: express's " +
    'per-request set-up and middleware walk cost a quarter of the server CPU (898 → 676 µs per ' +
    'verification in 8 alternating in-process rounds, 2026-11-26 ~03:00). A measurement run answered a ' +
    'stored answer in place of each verification (a switch made for that run only, not kept in the ' +
    "code): the HTTP wrapper alone then cost 192–271 µs of server CPU a request against the floor's " +
    "65–68, of which the log line about 50–70 µs once written in the event loop's thread (about 90 " +
    "before, through libuv's thread pool) and the answer's JSON.stringify about 60.",
  '- **Issuer** (1,220 µs an issuance in the profile, 32 connections), a single typed issuance answered ' +
    'ahead of express (issue-ahead.ts): the QR text 13 % (the level-9 deflate with a fresh zlib stream ' +
    '9 %, re-reading the JWS it was handed 3 %); SQLite 12 % (the group transaction: inserts, commit and ' +
    'the WAL checkpoints commits ran); signing 10 %; writing the 7 kB answer 7 %; the input check and ' +
    'completion 6 %; choosing the status index 5 %; sealing the stored JWS 5 %; the API key lookup 4 %; ' +
    'encoding the JWS payload 3 %; garbage collection 3 %; HTTP parsing and the log line most of the ' +
    'rest. Before express was bypassed it took 13 % more server CPU per issuance (1,407 → 1,218 µs).',
  '- **Processes**: the verifier and the issuer each serve from one process per core (node:cluster, ' +
    '`PASSAGE_WORKERS`, `PASSAGE_ISSUER_WORKERS`). On the idle machine of 2026-11-26 ~04:10, one verifier ' +
    'process made 1,285 verifications a second against 1,819–2,213 for two; one issuer process 845–864 ' +
    'issuances a second against 1,116–1,227 for two (autocannon, 10 connections). `--workers=N` / ' +
    '`--issuer-workers=N` measure other counts.',
  '- **This host varies**: the same tree measured 2,415–3,046 verifications a second (612–775 µs of ' +
    'server CPU each) in eight runs between 06:30 and 06:50 UTC on 2026-11-26, and the tree of 08:00 ' +
    '2,398–3,361 (553–780 µs) between 08:10 and 08:50, with nothing else running; its two cores were not ' +
    'always equally fast (8,400 and 11,200 raw verifications a second in the same second). The host-speed ' +
    'probe runs on both cores at once, yet it is a moment before and after, not the whole load: it tells ' +
    'a slow run from a fast one, it does not scale the figures exactly. Compare runs taken close ' +
    'together, and alternate A and B.',
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

const GENERATORS = { wrk: 'wrk (a process of its own)', autocannon: 'autocannon (in the parent process)' };

const generatorText = (results: readonly LoadResult[]) => {
  const used = [...new Set(results.map((r) => GENERATORS[r.generator]))];
  return used.length === 0 ? 'The load generator' : used.join(' and ');
};

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
    /** node:crypto ES256 verifications a second before and after the loads (host-speed.ts). */
    hostVerifyRates: readonly [number, number];
  },
): string {
  const [before, after] = run.hostVerifyRates.map((rate) => rate.toLocaleString('en-US'));
  return [
    '## HTTP',
    '',
    `Measured ${new Date().toISOString()} on ${machineLine()}; ${run.load}. ` +
      `Host speed (node:crypto ES256 verify, one thread per core at once, servers idle): ${before}/s before the loads, ${after}/s after.`,
    `Reproduce with \`corepack pnpm bench:http${run.quick ? ' --quick' : ''}\` (scripts/bench-http.ts): the ` +
      `issuer (SQLite in a temporary folder) runs as its \`server.ts\` runs it, in ${run.issuerWorkers} process${run.issuerWorkers === 1 ? '' : 'es'} on that file (\`PASSAGE_ISSUER_WORKERS\`, default one per core), and the ` +
      'verifier (signed trust list and entry rules from an operator key it pins) as its `server.ts` runs it, ' +
      `in ${run.verifierWorkers} process${run.verifierWorkers === 1 ? '' : 'es'} (node:cluster, ` +
      '`PASSAGE_WORKERS`, default one per core), all logging at `info` to a file. ' +
      `${generatorText(results)} keeps the connections the table gives busy on loopback for ` +
      `${run.durationSec} s or a bounded number of requests, after a warm-up. Load generator and ` +
      'servers share the 2 cores, so these figures understate a server with the machine to itself. ' +
      '**Use a quiet machine**: other processes take CPU from both. The server CPU column (user + system ' +
      'time of every server process, from /proc, per credential or verification) moves less with ' +
      'other load than the throughput does, though still up to twofold on a busy machine.',
    '',
    '| endpoint | connections | requests | per second | p50 | p99 | failed | server CPU | load generator CPU | 2-core bound | target (issue 5) | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | :---: |',
    ...results.map(
      (r) =>
        `| ${r.spec.name} | ${r.connections} | ${r.requests.toLocaleString('en-US')} in ${r.durationSec} s | ` +
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
    "- Load generator CPU: its process's CPU (user + system) per request. 2-core bound: 2 CPU-seconds " +
      'a second divided by server plus load generator CPU per credential, the rate at which the two cores ' +
      'would run out were nothing else running and no core ever idle. A target above its bound cannot be ' +
      'met at that cost per request on this machine with the load generator beside the servers.',
    '- Connections: the verifier is loaded with 10, as a few busy border posts; the issuer with 32, as ' +
      "a ministry's systems issuing concurrently: concurrent issuances share one SQLite transaction " +
      '(group commit), so an issuer with more requests in flight commits less often per credential.',
    '- Host speed: this shared host runs the same code a fifth or more faster or slower from one minute ' +
      'to the next, and every figure above moves with it; the probe before and after the loads says how ' +
      'fast it was (see "This host varies" below).',
    "- Load generator: wrk (Debian's package, a C program; bench:http installs it when missing and it " +
      'may) needs about 40 µs of CPU per request, autocannon (JavaScript, the fallback, or ' +
      '`--client=autocannon`) about 140 µs: on 2 shared cores, that difference is CPU the servers get.',
    '',
    ...WHERE_THE_TIME_GOES,
  ].join('\n');
}
