import { parseArgs } from 'node:util';
import {
  loadVerifierConfig,
  openVerifierData,
  type VerifierConfig,
  verifyForOfficer,
} from '@passage/verifier';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, printJson, readInput } from '../io.js';

export const verifyUsage =
  'passage verify [--bundle FILE] [--operator-key FILE] [--trust-list URL|FILE] [--rules URL|FILE] [--trust FILE] [--offline] [--economy XXX [--arrival DATE]] [--at ISO-8601] [TEXT | -]';

/** The verifier configuration with this invocation's options laid over the environment's. */
function configWith(values: Record<string, string | boolean | undefined>, io: CliIo): VerifierConfig {
  const env = { ...io.env };
  const set = (name: string, value: string | boolean | undefined) => {
    if (typeof value === 'string') env[name] = value;
  };
  set('PASSAGE_TRUST_FILE', values.trust);
  set('PASSAGE_BUNDLE', values.bundle);
  set('PASSAGE_OPERATOR_KEY', values['operator-key']);
  const list = values['trust-list'];
  if (typeof list === 'string')
    set(/^https?:/.test(list) ? 'PASSAGE_TRUST_LIST_URL' : 'PASSAGE_TRUST_LIST_FILE', list);
  const rules = values.rules;
  if (typeof rules === 'string')
    set(/^https?:/.test(rules) ? 'PASSAGE_ENTRY_RULES_URL' : 'PASSAGE_ENTRY_RULES_FILE', rules);
  if (values.offline === true) env.PASSAGE_OFFLINE = 'true';
  return loadVerifierConfig(env);
}

/**
 * `passage verify`: prints the report as JSON; exit 0 verified (and, with `--economy`, meeting its
 * entry rules), 1 otherwise. With `--bundle` and `--offline` it never touches the network.
 */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      trust: { type: 'string' },
      bundle: { type: 'string' },
      'operator-key': { type: 'string' },
      'trust-list': { type: 'string' },
      rules: { type: 'string' },
      offline: { type: 'boolean' },
      economy: { type: 'string' },
      arrival: { type: 'string' },
      at: { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new CliError('USAGE', verifyUsage);
  if (values.arrival !== undefined && values.economy === undefined) {
    throw new CliError('USAGE', '--arrival needs --economy');
  }
  const now = values.at === undefined ? new Date() : parseInstant(values.at, '--at');
  if (values.arrival !== undefined) parseInstant(values.arrival, '--arrival');
  const config = configWith(values, io);
  const data = openVerifierData(config);
  if (!config.offline) await data.refresh();
  const source = positionals[0] ?? '-';
  const text = (source === '-' ? await readInput(io, '-') : source).trim();
  if (text === '') throw new CliError('USAGE', `nothing to verify. ${verifyUsage}`);
  const input = text.startsWith('{') ? parseObject(text) : text;
  const report = await verifyForOfficer(input, {
    trust: data.trust(),
    now,
    clockToleranceSec: config.clockToleranceSec,
    statusLists: data.statusLists,
    resolver: data.resolver,
    sources: data.sources(),
    ...(values.economy
      ? {
          entry: {
            economy: values.economy,
            ruleSet: data.rules(),
            ...(values.arrival ? { arrivalDate: values.arrival } : {}),
          },
        }
      : {}),
  });
  data.close();
  printJson(io, report);
  const meets = report.entry === undefined || report.entry.outcome === 'meets';
  return report.verified && meets ? EXIT.ok : EXIT.notVerified;
}

function parseInstant(value: string, option: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliError('USAGE', `${option} takes an ISO 8601 date or date-time`);
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
