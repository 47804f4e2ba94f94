/**
 * Batch issuance benchmark: writes N vaccination inputs as JSON lines and runs them through
 * `passage issue --batch` (the CLI path: SQLite persistence, status entries, idempotency keys, results
 * file, signing threads), reporting credentials per second and resident memory over time (sampled every
 * 100 ms; the peak and a timeline), and judging issue 5's targets (at least 10,000 a second, under
 * 300 MB resident the whole way). Bounded: `--max-seconds` interrupts the run as Ctrl-C would (the
 * results file stays a valid checkpoint). Ends with one line of JSON.
 *
 * Run: corepack pnpm bench:batch [--count 100000] [--workers N] [--chunk 100] [--max-seconds 900]
 * (`--count 1000000` for the full run)
 */

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CliIo, runCli } from '@passage/cli';
import { exampleVaccinationInput } from '@passage/schema';

const TARGET_PER_SEC = 10_000;
const TARGET_RSS_MB = 300;

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    workers: { type: 'string' },
    chunk: { type: 'string' },
    'max-seconds': { type: 'string', default: '900' },
  },
});
const count = Number(values.count);
const maxSeconds = Number(values['max-seconds']);
if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
if (!(maxSeconds > 0)) throw new Error('--max-seconds must be positive');

const dir = mkdtempSync(join(tmpdir(), 'passage-bench-batch-'));
const env = {
  PASSAGE_DATA_DIR: dir,
  PASSAGE_SECRET: 'a-bench-secret-of-at-least-32-characters',
  PASSAGE_PUBLIC_URL: 'http://127.0.0.1:9',
  PASSAGE_LOG_LEVEL: 'warn',
};
const io = (stdout: (t: string) => void = () => {}): CliIo => ({
  stdout,
  stderr: (t) => void process.stderr.write(t),
  readStdin: async () => '',
  env,
});

const create = await runCli(
  ['authority', 'create', '--name', 'Bench Health', '--economy', 'THA', '--types', 'VaccinationCertificate'],
  io(),
);
if (create !== 0) throw new Error('bench:batch: could not create the authority');

const file = join(dir, 'people.jsonl');
const lines = createWriteStream(file);
const line = `${JSON.stringify(exampleVaccinationInput)}\n`;
for (let i = 0; i < count; i++) if (!lines.write(line)) await once(lines, 'drain');
lines.end();
await once(lines, 'finish');

// scripts/bench/supervise.mjs starts this script again unless it reaches this line.
process.stderr.write(`bench:batch: measuring ${count} credentials\n`);

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const timeline: { s: number; rssMb: number; heapMb: number }[] = [];
let peakRss = process.memoryUsage.rss();
let lastMark = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  peakRss = Math.max(peakRss, rss);
  const s = (performance.now() - started) / 1000;
  if (s - lastMark >= 10) {
    lastMark = s;
    const heapMb = mb(process.memoryUsage().heapUsed);
    timeline.push({ s: Math.round(s), rssMb: mb(rss), heapMb });
    process.stderr.write(`bench:batch: ${Math.round(s)} s, RSS ${mb(rss)} MB, main heap ${heapMb} MB\n`);
  }
}, 100);
// Bounded: after --max-seconds, stop as Ctrl-C would (the CLI finishes the chunks in flight).
const deadline = setTimeout(() => process.kill(process.pid, 'SIGINT'), maxSeconds * 1000);
let summary = '';
const args = ['issue', 'vaccination', '--batch', file, '--out', join(dir, 'results.jsonl')];
if (values.workers !== undefined) args.push('--workers', values.workers);
if (values.chunk !== undefined) args.push('--chunk', values.chunk);
const code = await runCli(
  args,
  io((t) => {
    summary += t;
  }),
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
clearInterval(sampler);
clearTimeout(deadline);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
rmSync(dir, { recursive: true, force: true });
if (code !== 0) throw new Error(`bench:batch: the batch failed: ${summary}`);
const issued = (JSON.parse(summary) as { issued: number }).issued;
const perSec = Math.round(issued / seconds);
// CPU time of every thread of the process per credential: steadier than wall time on a shared machine.
const cpuUsPerItem = Math.round((cpu.user + cpu.system) / Math.max(1, issued));
const peakMb = mb(peakRss);
const speedMet = perSec >= TARGET_PER_SEC;
const memoryMet = peakMb < TARGET_RSS_MB;
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores`;
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(
  `bench:batch: ${issued} of ${count} credentials in ${seconds.toFixed(1)} s: ${perSec}/s ` +
    `(target ≥ ${TARGET_PER_SEC}: ${speedMet ? 'met' : 'not met'}), peak RSS ${peakMb} MB ` +
    `(target < ${TARGET_RSS_MB}: ${memoryMet ? 'met' : 'not met'}), ${cpuUsPerItem} µs CPU per credential; ` +
    `${machine}, load average ${load}`,
);
console.log(
  JSON.stringify({
    batchCount: issued,
    batchRequested: count,
    batchOpsPerSec: perSec,
    batchSeconds: +seconds.toFixed(1),
    peakRssMb: peakMb,
    cpuUsPerItem,
    rssTimeline: timeline,
    targetsMet: { opsPerSec: speedMet, rss: memoryMet },
    loadAverage: load,
  }),
);
