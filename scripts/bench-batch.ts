/**
 * Batch issuance benchmark: writes N vaccination inputs as JSON lines and runs them through
 * `passage issue --batch` (the CLI path: SQLite persistence, status entries, idempotency keys, results
 * file), reporting credentials per second and the peak resident memory sampled every 100 ms.
 * Ends with one line of JSON.
 *
 * Run: corepack pnpm bench:batch [--count 100000] (`--count 1000000` for the full run)
 */

import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CliIo, runCli } from '@passage/cli';
import { exampleVaccinationInput } from '@passage/schema';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' } } });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');

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

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100);
const started = performance.now();
let summary = '';
const code = await runCli(
  ['issue', 'vaccination', '--batch', file, '--out', join(dir, 'results.jsonl')],
  io((t) => {
    summary += t;
  }),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
rmSync(dir, { recursive: true, force: true });
if (code !== 0) throw new Error(`bench:batch: the batch failed: ${summary}`);
const issued = (JSON.parse(summary) as { issued: number }).issued;
const perSec = Math.round(issued / seconds);
const mb = Math.round(peakRss / 2 ** 20);
console.log(`bench:batch: ${issued} credentials in ${seconds.toFixed(1)} s: ${perSec}/s, peak RSS ${mb} MB`);
console.log(
  JSON.stringify({
    batchCount: issued,
    batchOpsPerSec: perSec,
    batchSeconds: +seconds.toFixed(1),
    peakRssMb: mb,
  }),
);
