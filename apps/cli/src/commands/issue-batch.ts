import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { type IssuerService, isIssuerError } from '@passage/issuer';
import type { CredentialType } from '@passage/schema';
import { CliError } from '../errors.js';
import { csvCells, csvRecord } from './batch-input.js';

/** Options of {@link issueBatchFile}. */
export interface BatchFileOptions {
  /** A `.jsonl` file (one request body per line) or a `.csv` file (see `csvRecord`). */
  file: string;
  /** Where results go, one JSON line per input line; also the checkpoint a later run resumes from. */
  out: string;
  format?: 'vc+jwt' | 'jwt';
  /** Stops after the item in progress; a later run with the same files picks up from there. */
  signal?: AbortSignal;
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

/**
 * Issues one credential per line of a JSON lines or CSV file, writing `{ line, ok, id, qr, replayed }`
 * or `{ line, ok: false, code }` per line to `out`. Each line's Idempotency-Key is derived from the
 * file's hash and the line number, and `out` is the checkpoint: a run that was interrupted, run again
 * on the same file, skips what `out` holds and replays (never re-issues) an item that was signed but
 * not yet written. Memory stays flat: lines are streamed in and results streamed out.
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
  let headers: string[] | undefined;
  let lineNo = 0;
  let done = 0;
  try {
    for await (const text of createInterface({
      input: createReadStream(options.file),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      lineNo++;
      if (text.trim() === '') continue;
      if (csv && headers === undefined) {
        headers = csvCells(text);
        continue;
      }
      done++;
      if (lineNo <= resumeAfter) {
        summary.resumed++;
        continue;
      }
      if (options.signal?.aborted) break;
      const result = await issueLine(service, caller, type, {
        body: headers ? csvRecord(headers, csvCells(text), lineNo) : parseLine(text, lineNo),
        idempotencyKey: `batch:${hash.slice(0, 32)}:${lineNo}`,
        format: options.format ?? 'vc+jwt',
      });
      if (!result.ok) summary.failed++;
      else if (result.replayed) summary.replayed++;
      else summary.issued++;
      if (!output.write(`${JSON.stringify({ line: lineNo, ...result })}\n`)) await once(output, 'drain');
      options.onProgress?.(done, total);
    }
  } finally {
    output.end();
    await once(output, 'finish');
  }
  return summary;
}

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError('INPUT_INVALID', `line ${line} is not JSON`);
  }
}

type LineResult = { ok: true; id: string; qr: string; replayed: boolean } | { ok: false; code: string };

async function issueLine(
  service: IssuerService,
  caller: Awaited<ReturnType<IssuerService['actAs']>>,
  type: CredentialType,
  item: { body: unknown; idempotencyKey: string; format: 'vc+jwt' | 'jwt' },
): Promise<LineResult> {
  try {
    const issued = await service.issue(caller, type, item.body, {
      idempotencyKey: item.idempotencyKey,
      format: item.format,
    });
    return { ok: true, id: issued.id, qr: issued.qr, replayed: issued.replayed };
  } catch (error) {
    if (isIssuerError(error)) return { ok: false, code: error.code };
    throw error;
  }
}
