import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { BatchStreamItem, IssuerService } from '@passage/issuer';
import type { CredentialType } from '@passage/schema';
import { CliError } from '../errors.js';
import { type CsvColumn, csvCells, csvColumns, csvRecord } from './batch-input.js';

/** Options of {@link issueBatchFile}. */
export interface BatchFileOptions {
  /** A `.jsonl` file (one request body per line) or a `.csv` file (see `csvRecord`). */
  file: string;
  /** Where results go, one JSON line per input line; also the checkpoint a later run resumes from. */
  out: string;
  format?: 'vc+jwt' | 'jwt';
  /** Stops after the chunks in progress; a later run with the same files picks up from there. */
  signal?: AbortSignal;
  /**
   * Signing threads; 0 (the default) signs in the calling thread. Measured on 2 idle cores, two threads
   * gave no more credentials per second (the main thread's recording bounds the rate) for ~170 MB more.
   */
  workers?: number;
  /** Lines per transaction and signing job (default: the issuer's, 500). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Counts of one run over a batch file. */
export interface BatchFileSummary {
  total: number;
  issued: number;
  replayed: number;
  failed: number;
  /** Lines a previous run had already answered in `out`. */
  resumed: number;
}

/** The file's SHA-256 and its number of non-empty data lines, in one streaming pass. */
async function scan(file: string, csv: boolean): Promise<{ hash: string; total: number }> {
  const hash = createHash('sha256');
  let total = 0;
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    hash.update(line).update('\n');
    if (line.trim() !== '') total++;
  }
  return { hash: hash.digest('hex'), total: csv ? Math.max(0, total - 1) : total };
}

/**
 * The last input line `out` answered, after cutting a result line a crash left half written. Reads only
 * the tail of the file, so resuming a million-line run costs nothing.
 */
async function checkpoint(out: string): Promise<number> {
  if (!existsSync(out)) return 0;
  const handle = await open(out, 'r+');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 64 * 1024);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    const end = tail.lastIndexOf(0x0a);
    await handle.truncate(end < 0 ? size - length : size - length + end + 1);
    if (end < 0) return 0;
    const last = tail.subarray(tail.lastIndexOf(0x0a, end - 1) + 1, end).toString('utf8');
    const line = (JSON.parse(last) as { line?: unknown }).line;
    if (typeof line !== 'number') throw new CliError('INPUT_INVALID', `${out} is not a results file`);
    return line;
  } finally {
    await handle.close();
  }
}

/** Reads the input file as stream items, skipping what `out` answered already; counts into `summary`. */
async function* itemsOf(
  options: BatchFileOptions,
  csv: boolean,
  hash: string,
  resumeAfter: number,
  summary: BatchFileSummary,
): AsyncGenerator<BatchStreamItem> {
  let columns: CsvColumn[] | undefined;
  let lineNo = 0;
  for await (const line of createInterface({
    input: createReadStream(options.file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    lineNo++;
    // Spreadsheets and some editors write UTF-8 with a byte order mark, which would stick to the first
    // CSV header or make the first JSON line unreadable.
    const text = lineNo === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (text.trim() === '') continue;
    if (csv && columns === undefined) {
      columns = csvColumns(csvCells(text));
      continue;
    }
    if (lineNo <= resumeAfter) {
      summary.resumed++;
      continue;
    }
    const idempotencyKey = `batch:${hash.slice(0, 32)}:${lineNo}`;
    yield columns
      ? { ref: lineNo, idempotencyKey, body: rowBody(columns, text, lineNo) }
      : { ref: lineNo, idempotencyKey, json: text };
  }
}

/**
 * The body of one CSV row, or undefined for a row that does not fit the header (another number of
 * cells): the issuer answers that line MALFORMED_INPUT, as it answers a JSON line that is not JSON,
 * and the run goes on with the next.
 */
function rowBody(columns: readonly CsvColumn[], text: string, lineNo: number): unknown {
  try {
    return csvRecord(columns, csvCells(text), lineNo);
  } catch (error) {
    if (error instanceof CliError) return undefined;
    throw error;
  }
}

/**
 * Issues one credential per line of a JSON lines or CSV file, writing `{ line, ok, id, qr, replayed }`
 * or `{ line, ok: false, code }` per line to `out`. Each line's Idempotency-Key is derived from the
 * file's hash and the line number, and `out` is the checkpoint: a run that was interrupted, run again
 * on the same file, skips what `out` holds and replays (never re-issues) an item that was signed and
 * recorded but not yet written. Lines go through the issuer's bulk path (chunks of `chunkSize` per
 * transaction, signing on `workers` threads); memory stays flat: lines are streamed in and results
 * streamed out, a few chunks in flight at most.
 */
export async function issueBatchFile(
  service: IssuerService,
  authority: string | undefined,
  type: CredentialType,
  options: BatchFileOptions,
): Promise<BatchFileSummary> {
  const csv = options.file.toLowerCase().endsWith('.csv');
  const { hash, total } = await scan(options.file, csv);
  const resumeAfter = await checkpoint(options.out);
  const caller = await service.actAs(authority, type);
  const output = createWriteStream(options.out, { flags: 'a' });
  const summary: BatchFileSummary = { total, issued: 0, replayed: 0, failed: 0, resumed: 0 };
  try {
    const results = service.issueStream(caller, type, itemsOf(options, csv, hash, resumeAfter, summary), {
      format: options.format ?? 'vc+jwt',
      workers: options.workers ?? 0,
      chunkSize: options.chunkSize,
      signal: options.signal,
    });
    for await (const chunk of results) {
      let text = '';
      for (const { ref, ...result } of chunk) {
        if (!result.ok) summary.failed++;
        else if (result.replayed) summary.replayed++;
        else summary.issued++;
        text += `${JSON.stringify({ line: ref, ...result })}\n`;
      }
      if (!output.write(text)) await once(output, 'drain');
      options.onProgress?.(summary.resumed + summary.issued + summary.replayed + summary.failed, total);
    }
  } finally {
    output.end();
    await once(output, 'finish');
  }
  return summary;
}
