import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIssuerConfig, openIssuer } from '@passage/issuer';
import { exampleVaccinationInput } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { issueBatchFile } from './issue-batch.js';

type Result = { line: number; ok: boolean; id?: string; replayed?: boolean; code?: string };
const results = (out: string): Result[] =>
  readFileSync(out, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Result);

/** The CSV cells of a request body: dotted headers, `:number` for numbers. */
const flat = (value: unknown, path = '', into: Record<string, string> = {}) => {
  if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) flat(v, path === '' ? k : `${path}.${k}`, into);
  else into[typeof value === 'number' ? `${path}:number` : path] = String(value);
  return into;
};

/** The example vaccination input as CSV: each header's cell, the header line and one quoted row. */
function exampleCsv() {
  const cells = flat(exampleVaccinationInput);
  const headers = Object.keys(cells);
  const row = headers.map((h) => `"${(cells[h] ?? '').replaceAll('"', '""')}"`).join(',');
  return { cells, headers, header: headers.join(','), row };
}

async function openTestIssuer() {
  const dir = mkdtempSync(join(tmpdir(), 'passage-batch-'));
  const issuer = await openIssuer(
    loadIssuerConfig({
      PASSAGE_DATA_DIR: dir,
      PASSAGE_SECRET: 'a-test-secret-of-at-least-32-characters',
      PASSAGE_PUBLIC_URL: 'http://127.0.0.1:9',
    }),
  );
  await issuer.service.createAuthority({ name: 'Health', economy: 'THA', types: ['VaccinationCertificate'] });
  return { dir, issuer };
}

describe('issueBatchFile', () => {
  it('resumes after an interruption without issuing anything twice or leaving anything out', async () => {
    const { dir, issuer } = await openTestIssuer();
    const file = join(dir, 'people.jsonl');
    const out = join(dir, 'results.jsonl');
    writeFileSync(
      file,
      `${Array.from({ length: 6 }, () => JSON.stringify(exampleVaccinationInput)).join('\n')}\n`,
    );
    const stop = new AbortController();
    const first = await issueBatchFile(issuer.service, undefined, 'VaccinationCertificate', {
      file,
      out,
      signal: stop.signal,
      chunkSize: 1,
      workers: 0,
      onProgress: (done) => done === 3 && stop.abort(),
    });
    // Stopping lets the chunks in flight finish: at least 3 lines, never all 6.
    const n = first.issued;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThan(6);
    // A crash after line n was signed and stored but before its result was fully written.
    const kept = readFileSync(out, 'utf8')
      .split('\n')
      .slice(0, n - 1)
      .join('\n');
    writeFileSync(out, `${kept}\n{"line":${n},"ok":tr`);
    const second = await issueBatchFile(issuer.service, undefined, 'VaccinationCertificate', {
      file,
      out,
      chunkSize: 2,
      workers: 0,
    });
    await issuer.close();
    expect(second).toMatchObject({ resumed: n - 1, replayed: 1, issued: 6 - n, failed: 0 });
    const all = results(out);
    expect(all.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(all.map((r) => r.id)).size).toBe(6);
  });

  it('reads CSV with dotted headers and answers a refused row with its code', async () => {
    const { dir, issuer } = await openTestIssuer();
    const file = join(dir, 'people.csv');
    const out = join(dir, 'results.jsonl');
    const { cells, headers, header, row } = exampleCsv();
    const bad = headers.map((h) => (h === 'person.birthDate' ? 'not-a-date' : `"${cells[h]}"`)).join(',');
    writeFileSync(file, `${header}\n${row}\n${bad}\n`);
    const summary = await issueBatchFile(issuer.service, undefined, 'VaccinationCertificate', {
      file,
      out,
      workers: 0,
    });
    await issuer.close();
    expect(summary).toMatchObject({ total: 2, issued: 1, failed: 1 });
    expect(results(out)[1]?.code).toBe('SCHEMA_INVALID');
  });

  it('reads a CSV or JSON lines file that starts with a byte order mark, as spreadsheets write them', async () => {
    const { dir, issuer } = await openTestIssuer();
    const csv = join(dir, 'people.csv');
    const jsonl = join(dir, 'people.jsonl');
    const { header, row } = exampleCsv();
    writeFileSync(csv, `\uFEFF${header}\n${row}\n`);
    writeFileSync(jsonl, `\uFEFF${JSON.stringify(exampleVaccinationInput)}\n`);
    const run = (file: string, out: string) =>
      issueBatchFile(issuer.service, undefined, 'VaccinationCertificate', {
        file,
        out: join(dir, out),
        workers: 0,
      });
    // Before, the mark stuck to the first header (an unknown key) and to the first JSON line (not JSON).
    expect(await run(csv, 'csv.results.jsonl')).toMatchObject({ total: 1, issued: 1, failed: 0 });
    expect(await run(jsonl, 'jsonl.results.jsonl')).toMatchObject({ total: 1, issued: 1, failed: 0 });
    await issuer.close();
  });

  it('answers a CSV row with another number of cells MALFORMED_INPUT and goes on, as a line that is not JSON', async () => {
    const { dir, issuer } = await openTestIssuer();
    const { header, row } = exampleCsv();
    const file = join(dir, 'people.csv');
    const out = join(dir, 'results.jsonl');
    writeFileSync(file, `${header}\n${row}\n${row},extra\n${row}\n`);
    const summary = await issueBatchFile(issuer.service, undefined, 'VaccinationCertificate', {
      file,
      out,
      workers: 0,
    });
    await issuer.close();
    expect(summary).toMatchObject({ total: 3, issued: 2, failed: 1 });
    expect(results(out).map((r) => [r.line, r.ok, r.code])).toEqual([
      [2, true, undefined],
      [3, false, 'MALFORMED_INPUT'],
      [4, true, undefined],
    ]);
  });

  it('refuses a CSV whose headers cannot make a body before issuing anything', async () => {
    const { dir, issuer } = await openTestIssuer();
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'person,person.name\nA,B\n');
    await expect(
      issueBatchFile(issuer.service, undefined, 'VaccinationCertificate', {
        file,
        out: join(dir, 'results.jsonl'),
        workers: 0,
      }),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await issuer.close();
  });
});
