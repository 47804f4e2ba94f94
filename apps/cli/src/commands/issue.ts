import { parseArgs } from 'node:util';
import type { CredentialType } from '@passage/schema';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, parseJson, printJson, readInput } from '../io.js';
import { withIssuer } from '../issuer.js';
import { runBatch } from './issue-batch-run.js';

export const issueUsage =
  'passage issue vaccination|travel-card --data FILE|- [--authority SLUG|DID] [--format vc+jwt|jwt]\n  passage issue vaccination --data FILE|- [--authority SLUG|DID] --format dcc|shc\n  passage issue vaccination|travel-card --batch FILE.csv|FILE.jsonl [--out RESULTS.jsonl] [--authority SLUG|DID] [--format vc+jwt|jwt] [--workers N] [--chunk N]';

const FORMATS = ['vc+jwt', 'jwt', 'dcc', 'shc'] as const;
type Format = (typeof FORMATS)[number];
const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

const TYPES: Record<string, CredentialType> = {
  vaccination: 'VaccinationCertificate',
  'travel-card': 'BusinessTravelCard',
};

/** A whole number option of `--batch`, at least `min`; undefined when not given. */
function countOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > 100_000)
    throw new CliError('USAGE', `${name} is a whole number from ${min}`);
  return n;
}

/**
 * `passage issue`: issues one credential straight into the issuer's database, without HTTP, and
 * prints `{id, type, format, jws, qr}`. With `--format dcc|shc` a vaccination certificate is issued
 * as an EU DCC (`HC1:`) or a SMART Health Card (`shc:/`), which carry no status list entry.
 */
export async function issueCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      authority: { type: 'string' },
      format: { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      chunk: { type: 'string' },
    },
  });
  const type = TYPES[positionals[0] ?? ''];
  if (!type || positionals.length !== 1 || (values.data === undefined) === (values.batch === undefined))
    throw new CliError('USAGE', issueUsage);
  const format = values.format;
  if (format !== undefined && !isFormat(format))
    throw new CliError('USAGE', '--format is vc+jwt, jwt, dcc or shc');
  if (values.batch !== undefined) {
    if (format === 'dcc' || format === 'shc') throw new CliError('USAGE', '--batch issues vc+jwt or jwt');
    const { batch, out = `${values.batch}.results.jsonl` } = values;
    const workers = countOption(values.workers, '--workers', 0);
    const chunkSize = countOption(values.chunk, '--chunk', 1);
    const summary = await withIssuer(io, (service) =>
      runBatch(io, service, {
        authority: values.authority,
        type,
        file: batch,
        out,
        format,
        workers,
        chunkSize,
      }),
    );
    printJson(io, { ...summary, out });
    return summary.failed === 0 ? EXIT.ok : EXIT.notVerified;
  }
  if (values.data === undefined) throw new CliError('USAGE', issueUsage);
  const foreign = format === 'dcc' || format === 'shc' ? format : undefined;
  if (foreign && type !== 'VaccinationCertificate') {
    throw new CliError('USAGE', '--format dcc|shc issues vaccination certificates only');
  }
  const body = parseJson(
    await readInput(io, values.data),
    values.data === '-' ? 'standard input' : values.data,
  );
  const issued = await withIssuer(io, async (service) => {
    const caller = await service.actAs(values.authority, type);
    if (foreign) return service.issueForeign(caller, foreign, body);
    return service.issue(caller, type, body, { format: format === 'jwt' ? 'jwt' : 'vc+jwt' });
  });
  if (foreign) {
    // The QR text is the certificate itself; no status list entry means no suspend or revoke.
    printJson(io, {
      id: issued.id,
      type: issued.type,
      format: issued.format,
      qr: issued.qr,
      statusList: false,
    });
  } else {
    printJson(io, {
      id: issued.id,
      type: issued.type,
      format: issued.format,
      jws: issued.jws,
      qr: issued.qr,
    });
  }
  return EXIT.ok;
}
