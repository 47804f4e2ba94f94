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
  target: { opsPerSec: number; p99Ms?: number };
}

export interface LoadResult {
  spec: HttpLoad;
  /** Successful (2xx) responses per second. */
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  durationSec: number;
  /** Server CPU (all its processes, user + system) per request, in µs; undefined without /proc. */
  serverCpuUs: number | undefined;
}

/** One request first: a load of error answers would be fast and worthless. */
async function probe(spec: HttpLoad, body: string): Promise<void> {
  const response = await fetch(spec.url, { method: 'POST', headers: spec.headers, body });
  const answer = (await response.json()) as { verified?: boolean; entry?: { outcome?: string } };
  if (!response.ok) throw new Error(`${spec.name} answered ${response.status}`);
  if (spec.key === 'verify' && (answer.verified !== true || answer.entry?.outcome !== 'meets')) {
    throw new Error(`${spec.name}: the sample does not verify and meet the rules`);
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
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: 'POST',
        headers: spec.headers,
        requests: [
          { setupRequest: (request) => ({ ...request, body: spec.bodies[turn++ % spec.bodies.length] }) },
        ],
        connections: options.connections,
        amount: spec.maxRequests,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    const timer = setTimeout(() => instance.stop(), options.durationSec * 1000);
    instance.once('done', () => clearTimeout(timer));
  });
  const cpuAfter = cpu();
  const ok = result['2xx'];
  const requests = result.requests.total;
  return {
    serverCpuUs:
      cpuBefore === undefined || cpuAfter === undefined || requests === 0
        ? undefined
        : Math.round(((cpuAfter - cpuBefore) * 1e6) / requests),
    spec,
    opsPerSec: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    failed: result.non2xx + result.errors + result.timeouts,
    durationSec: Math.round(result.duration * 10) / 10,
  };
}

function met(r: LoadResult): boolean {
  const fastEnough = r.opsPerSec >= r.spec.target.opsPerSec;
  return fastEnough && (r.spec.target.p99Ms === undefined || r.p99Ms < r.spec.target.p99Ms) && r.failed === 0;
}

const targetText = (t: HttpLoad['target']) =>
  `≥ ${t.opsPerSec.toLocaleString('en-US')}/s${t.p99Ms === undefined ? '' : `, p99 < ${t.p99Ms} ms`}`;

/** The `## HTTP` section. */
export function httpSection(
  results: readonly LoadResult[],
  run: { quick: boolean; connections: number; durationSec: number },
): string {
  return [
    '## HTTP',
    '',
    `Measured ${new Date().toISOString()} on ${machineLine()}.`,
    `Reproduce with \`corepack pnpm bench:http${run.quick ? ' --quick' : ''}\` (scripts/bench-http.ts): the ` +
      'issuer (SQLite in a temporary folder) and the verifier (signed trust list and entry rules from an ' +
      'operator key it pins) run in one child process, as `pnpm start` runs them, logging at `info` to a ' +
      `file; autocannon in the parent process keeps ${run.connections} connections busy on loopback for ` +
      `${run.durationSec} s or a bounded number of requests, after a warm-up. Load generator and ` +
      'servers share the 2 cores, so these figures understate a server with the machine to itself. ' +
      '**Use a quiet machine**: other processes take CPU from both.',
    '',
    '| endpoint | requests | 2xx/s | p50 | p99 | failed | target (issue 5) | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | :---: |',
    ...results.map(
      (r) =>
        `| ${r.spec.name} | ${r.requests.toLocaleString('en-US')} in ${r.durationSec} s | ` +
        `${Math.round(r.opsPerSec).toLocaleString('en-US')} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.failed} | ` +
        `${targetText(r.spec.target)} | ${met(r) ? 'yes' : '**no**'} |`,
    ),
    '',
    '- Verify: QR texts of 32 certificates the issuer made (2 doses, revocation and suspension entries), ' +
      'in turn, with `economy: THA`; the status lists are fetched from the issuer once, then cached.',
    '- Issue: the example vaccination input, a new credential per request: status index allocation, ' +
      'signing, QR text and the SQLite row, answered as JSON.',
    '',
  ].join('\n');
}
