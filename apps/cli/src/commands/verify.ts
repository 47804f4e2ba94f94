import { parseArgs } from 'node:util';
import { loadTrustFile, loadVerifierConfig, verifyForOfficer } from '@passage/verifier';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, printJson, readInput } from '../io.js';

export const verifyUsage = 'passage verify [--trust FILE] [--at ISO-8601] [TEXT | -]';

/** `passage verify`: prints the report as JSON; exit 0 verified, 1 not verified. */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { trust: { type: 'string' }, at: { type: 'string' } },
  });
  if (positionals.length > 1) throw new CliError('USAGE', verifyUsage);
  const now = values.at === undefined ? new Date() : parseInstant(values.at);
  const config = loadVerifierConfig(io.env);
  const trust = loadTrustFile(values.trust ?? config.trustFile);
  const source = positionals[0] ?? '-';
  const text = (source === '-' ? await readInput(io, '-') : source).trim();
  if (text === '') throw new CliError('USAGE', `nothing to verify. ${verifyUsage}`);
  const input = text.startsWith('{') ? parseObject(text) : text;
  const report = await verifyForOfficer(input, { trust, now, clockToleranceSec: config.clockToleranceSec });
  printJson(io, report);
  return report.verified ? EXIT.ok : EXIT.notVerified;
}

function parseInstant(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliError('USAGE', '--at takes an ISO 8601 date or date-time');
  }
  return date;
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
