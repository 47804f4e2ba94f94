import { dccEntriesFromGateway, shcEntriesFromVci } from '@passage/trust';
import { CliError } from '../errors.js';
import { type CliIo, parseJson, readInput } from '../io.js';

/** Where `trust-list import` reads real-world trust material from: files or http(s) URLs. */
export interface ImportSources {
  dccGateway?: string | undefined;
  vciIssuers?: string | undefined;
  vciSnapshot?: string | undefined;
}

/** What was read, per source, for the operator (counts only). */
export interface ImportReport {
  entries: unknown[];
  dcc?: { taken: number; skipped: number };
  shc?: { taken: number; skipped: number };
}

// The EU gateway's list and the VCI snapshot run to a few megabytes; this leaves room to grow.
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

/** A JSON document from a file, stdin (`-`) or an http(s) URL, bounded in time and size. */
async function readSource(io: CliIo, source: string, what: string): Promise<unknown> {
  if (!/^https?:\/\//.test(source)) return parseJson(await readInput(io, source), what);
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch {
    throw new CliError('INPUT_UNREADABLE', `${what} could not be fetched`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (!response.ok || declared > MAX_SOURCE_BYTES)
    throw new CliError('INPUT_UNREADABLE', `${what} could not be fetched (HTTP ${response.status})`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_SOURCE_BYTES) throw new CliError('INPUT_INVALID', `${what} is too large`);
  return parseJson(body.toString('utf8'), what);
}

/**
 * Reads the EU DCC gateway trust list (its DSCs become `dcc` entries) and the VCI directory (its
 * issuers' keys and CRLs become `shc` entries). Nothing is trusted until the list is signed.
 */
export async function importEntries(io: CliIo, sources: ImportSources): Promise<ImportReport> {
  if (sources.vciIssuers !== undefined && sources.vciSnapshot === undefined)
    throw new CliError('USAGE', '--vci-issuers needs --vci-snapshot (the issuers’ keys are in the snapshot)');
  const report: ImportReport = { entries: [] };
  if (sources.dccGateway !== undefined) {
    const { entries, skipped } = dccEntriesFromGateway(
      await readSource(io, sources.dccGateway, 'the DCC gateway trust list'),
    );
    report.entries.push(...entries);
    report.dcc = { taken: entries.length, skipped };
  }
  if (sources.vciSnapshot !== undefined) {
    const issuers =
      sources.vciIssuers === undefined
        ? undefined
        : await readSource(io, sources.vciIssuers, 'the VCI issuer list');
    const snapshot = await readSource(io, sources.vciSnapshot, 'the VCI snapshot');
    const { entries, skipped } = shcEntriesFromVci(issuers, snapshot);
    report.entries.push(...entries);
    report.shc = { taken: entries.length, skipped };
  }
  return report;
}
