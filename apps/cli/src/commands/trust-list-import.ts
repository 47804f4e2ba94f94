import { readFile } from 'node:fs/promises';
import { prepareIcaoTrust } from '@passage/formats';
import { dccEntriesFromGateway, shcEntriesFromVci } from '@passage/trust';
import { CliError } from '../errors.js';
import { type CliIo, parseJson, readInput } from '../io.js';

/** Where `trust-list import` reads real-world trust material from: files or http(s) URLs. */
export interface ImportSources {
  dccGateway?: string | undefined;
  vciIssuers?: string | undefined;
  vciSnapshot?: string | undefined;
  /** A CSCA certificate file (DER or PEM) for VDS-NC seals, its issuing state and optionally its CRL. */
  icaoCsca?: string | undefined;
  icaoCountry?: string | undefined;
  icaoCrl?: string | undefined;
}

/** What was read, per source, for the operator (counts only). */
export interface ImportReport {
  entries: unknown[];
  dcc?: { taken: number; skipped: number };
  shc?: { taken: number; skipped: number };
  icao?: { taken: number };
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

/** A certificate or CRL file as base64 DER: DER as is, PEM unwrapped. */
async function derBase64(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new CliError('INPUT_UNREADABLE', `cannot read ${path}`);
  }
  const text = bytes.toString('latin1');
  if (!text.includes('-----BEGIN')) return bytes.toString('base64');
  const body = text.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new CliError('INPUT_INVALID', `${what} is not PEM or DER`);
  return body;
}

async function icaoEntry(sources: ImportSources): Promise<unknown> {
  const country = sources.icaoCountry?.toUpperCase();
  if (sources.icaoCsca === undefined || country === undefined || !/^[A-Z<]{3}$/.test(country))
    throw new CliError(
      'USAGE',
      '--icao-csca needs --icao-country, the ICAO code of the issuing state (e.g. AUS)',
    );
  const certificate = await derBase64(sources.icaoCsca, 'the CSCA certificate');
  const crl = sources.icaoCrl === undefined ? undefined : await derBase64(sources.icaoCrl, 'the CRL');
  const entry = { framework: 'icao', country, certificate, ...(crl === undefined ? {} : { crl }) };
  // Prepared as a verifier will prepare it, so what it would refuse is refused here, where it can be fixed.
  let crlProblem: string | undefined;
  try {
    crlProblem = prepareIcaoTrust([entry]).get(country)?.[0]?.crlProblem;
  } catch {
    throw new CliError('INPUT_INVALID', 'the CSCA certificate is not one a verifier can use');
  }
  if (crlProblem !== undefined) throw new CliError('INPUT_INVALID', `the CRL cannot be used: ${crlProblem}`);
  return entry;
}

/**
 * Reads the EU DCC gateway trust list (its DSCs become `dcc` entries) and the VCI directory (its
 * issuers' keys and CRLs become `shc` entries), and a CSCA for VDS-NC seals (an `icao` entry).
 * Nothing is trusted until the list is signed.
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
  if (sources.icaoCsca !== undefined || sources.icaoCountry !== undefined) {
    report.entries.push(await icaoEntry(sources));
    report.icao = { taken: 1 };
  }
  return report;
}
