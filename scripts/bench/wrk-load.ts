// The wrk load generator of `pnpm bench:http`: a C program (Debian's `wrk`) that drives the same
// loads as autocannon for about a tenth of its CPU per request, so that on this 2-core machine the
// servers, not the load generator, get the cores. bench:http installs it when it may (root or
// password-less sudo, apt-get) and falls back to autocannon otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HttpLoad, type LoadOptions, type LoadResult, measureLoad } from './http-load.js';
import { processCpuSeconds } from './process-cpu.js';

const onPath = () => spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;

/**
 * True when `wrk` can be run, installing Debian's package first if it is missing and we may (as
 * scripts/test installs Chromium). `log` is told what happens.
 */
export function ensureWrk(log: (line: string) => void): boolean {
  if (onPath()) return true;
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error !== undefined) return false;
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  if (!root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) return false;
  log('installing Debian package wrk (the load generator)');
  const run = (args: string[]) => {
    const [command = 'apt-get', ...rest] = [...sudo, ...args];
    return spawnSync(command, rest, { stdio: 'ignore', timeout: 300_000 }).status === 0;
  };
  if (!run(['apt-get', 'install', '-y', '-qq', 'wrk'])) run(['apt-get', 'update', '-qq']);
  if (!onPath()) run(['apt-get', 'install', '-y', '-qq', 'wrk']);
  return onPath();
}

/** `text` as a Lua long string, of a level (count of `=`) that cannot end it early. */
export function luaString(text: string): string {
  let level = '';
  // The string ends at the first `]=…=]` of its level, which must be its own closing one (a text ending
  // in `]` would otherwise close early).
  while (`${text}]${level}]`.indexOf(`]${level}]`) !== text.length) level += '=';
  return `[${level}[${text}]${level}]`;
}

/**
 * The wrk script: the requests built once, sent in turn; wrk stops after `maxRequests`; `done` prints
 * one line of JSON (latencies in µs).
 */
function script(spec: HttpLoad, maxRequests: number): string {
  const url = new URL(spec.url);
  const headers = Object.entries(spec.headers)
    .map(([name, value]) => `[ ${luaString(name)} ] = ${luaString(value)}`)
    .join(', ');
  return `
local bodies = { ${spec.bodies.map(luaString).join(',\n')} }
local requests = {}
local turn = 0
local sent = 0
init = function()
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", ${luaString(url.pathname)}, { ${headers} }, body)
  end
end
request = function()
  sent = sent + 1
  if sent > ${maxRequests} then wrk.thread:stop() end
  turn = turn % #requests + 1
  return requests[turn]
end
done = function(summary, latency)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
}

/**
 * CPU seconds of a child (wrk: one process, its threads included), read from its /proc stat file
 * while it runs, the last reading being the figure: only that one file is read, so the polling costs
 * the machine next to nothing. The last ≤ 100 ms of a load go uncounted (< 1 %).
 */
function watchCpu(pid: number | undefined): { last: () => number } {
  let last = 0;
  const read = () => {
    const cpu = pid === undefined ? undefined : processCpuSeconds(pid);
    if (cpu !== undefined) last = cpu;
  };
  const timer = setInterval(read, 100);
  return {
    last: () => {
      clearInterval(timer);
      return last;
    },
  };
}

/**
 * Runs wrk (one thread) for `durationSec` or `spec.maxRequests` requests, whichever comes first, and
 * answers what autocannon's `load` answers. Requests whose answer is not 2xx or 3xx count as failed.
 */
export async function wrkLoad(spec: HttpLoad, options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'passage-wrk-'));
  const file = join(dir, 'load.lua');
  writeFileSync(file, script(spec, spec.maxRequests));
  const finish = measureLoad(spec, options, 'wrk');
  const connections = spec.connections ?? options.connections;
  const args = [
    '-t1',
    `-c${connections}`,
    `-d${options.durationSec}s`,
    '--timeout',
    '10s',
    '-s',
    file,
    spec.url,
  ];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const clientCpu = watchCpu(child.pid);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const clientCpuSec = clientCpu.last();
  rmSync(dir, { recursive: true, force: true });
  const line = out.split('\n').find((l) => l.startsWith('{"requests"'));
  if (code !== 0 || line === undefined) throw new Error(`wrk failed (${code}): ${err || out}`);
  const s = JSON.parse(line) as WrkSummary;
  return finish({
    requests: s.requests,
    ok: s.requests - s.status,
    failed: s.connect + s.read + s.write + s.status + s.timeout,
    durationSec: s.durationUs / 1e6,
    p50Ms: Math.round(s.p50Us / 100) / 10,
    p99Ms: Math.round(s.p99Us / 100) / 10,
    clientCpuSec,
  });
}
