import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  entryRulesInputOf,
  evaluateEntryRules,
  parseRuleSet,
  type RuleSet,
  RulesError,
  signRuleSet,
  verifyRuleSet,
} from '@passage/rules';
import { parseOperatorPrivateJwk, parseOperatorPublicJwk } from '@passage/trust';
import { loadVerifierConfig, openVerifierData, verifyForOfficer } from '@passage/verifier';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, parseJson, printJson, readInput } from '../io.js';

export const rulesUsage = [
  'passage rules sign FILE --key OPERATOR.jwk.json [--out FILE]   (bumps the version)',
  '  passage rules verify FILE --key OPERATOR.pub.jwk.json [--at ISO-8601]',
  '  passage rules show FILE',
  '  passage rules check FILE --credential QR|JWS --economy THA --arrival ISO-8601 [--key OPERATOR.pub.jwk.json] [--trust FILE] [--at ISO-8601]',
].join('\n');

async function readJson(io: CliIo, path: string, what: string): Promise<unknown> {
  return parseJson(await readInput(io, path), what);
}

function parseInstant(value: string | undefined, option: string): Date {
  if (value === undefined) return new Date();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(date.getTime())) {
    throw new CliError('USAGE', `${option} takes an ISO 8601 date or date-time`);
  }
  return date;
}

function oneFile(positionals: string[]): string {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new CliError('USAGE', rulesUsage);
  return file;
}

async function sign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.key === undefined) throw new CliError('USAGE', rulesUsage);
  const document = await readJson(io, oneFile(positionals), 'the rule set');
  const key = parseOperatorPrivateJwk(await readJson(io, values.key, 'the key file'));
  const signed = signRuleSet(document, key, { bumpVersion: true });
  const text = `${JSON.stringify(signed, null, 2)}\n`;
  if (values.out === undefined) io.stdout(text);
  else {
    await writeFile(values.out, text, { mode: 0o644 });
    io.stderr(`signed rule set version ${signed.version} written to ${values.out}\n`);
  }
  return EXIT.ok;
}

async function verifiedRuleSet(io: CliIo, file: string, keyFile: string, now: Date): Promise<RuleSet> {
  const key = parseOperatorPublicJwk(await readJson(io, keyFile, 'the key file'));
  return verifyRuleSet(await readJson(io, file, 'the rule set'), key, { now });
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, at: { type: 'string' } },
  });
  if (values.key === undefined) throw new CliError('USAGE', rulesUsage);
  const file = oneFile(positionals);
  try {
    const ruleSet = await verifiedRuleSet(io, file, values.key, parseInstant(values.at, '--at'));
    const { version, issuedAt, validUntil, rules } = ruleSet;
    printJson(io, {
      verified: true,
      version,
      issuedAt,
      validUntil,
      rules: rules.length,
      kid: ruleSet.proof?.kid,
    });
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    printJson(io, { verified: false, code: error.code, message: error.message });
    return EXIT.notVerified;
  }
}

function describeRuleSet(ruleSet: RuleSet): string {
  const lines = [
    `PassageEntryRules version ${ruleSet.version}, issued ${ruleSet.issuedAt}` +
      (ruleSet.validUntil === undefined ? '' : `, valid until ${ruleSet.validUntil}`) +
      (ruleSet.proof === undefined ? ', not signed' : `, signed by ${ruleSet.proof.kid} (not checked)`),
  ];
  for (const [name, codes] of Object.entries(ruleSet.valueSets ?? {})) {
    lines.push(`value set ${name}: ${codes.join(', ')}`);
  }
  for (const rule of ruleSet.rules) {
    const window =
      rule.validTo === undefined ? `from ${rule.validFrom}` : `${rule.validFrom} to ${rule.validTo}`;
    lines.push(`${rule.economy} ${rule.credentialType} ${rule.id} ${rule.version} (${window})`);
    lines.push(`    ${rule.description.en}`);
  }
  return `${lines.join('\n')}\n`;
}

async function show(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  io.stdout(describeRuleSet(parseRuleSet(await readJson(io, oneFile(positionals), 'the rule set'))));
  return EXIT.ok;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      credential: { type: 'string' },
      economy: { type: 'string' },
      arrival: { type: 'string' },
      key: { type: 'string' },
      trust: { type: 'string' },
      at: { type: 'string' },
    },
  });
  const { credential, economy, arrival } = values;
  if (credential === undefined || economy === undefined || arrival === undefined)
    throw new CliError('USAGE', rulesUsage);
  const file = oneFile(positionals);
  const now = parseInstant(values.at, '--at');
  const ruleSet =
    values.key === undefined
      ? parseRuleSet(await readJson(io, file, 'the rule set'))
      : await verifiedRuleSet(io, file, values.key, now);
  // The credential is verified with the same data as `passage verify` (status lists, foreign formats).
  const config = loadVerifierConfig(
    values.trust === undefined ? io.env : { ...io.env, PASSAGE_TRUST_FILE: values.trust },
  );
  const data = openVerifierData(config);
  if (!config.offline) await data.refresh();
  const report = await verifyForOfficer(credential.trim(), {
    trust: data.trust(),
    foreign: data.foreign(),
    statusLists: data.statusLists,
    resolver: data.resolver,
    now,
    clockToleranceSec: config.clockToleranceSec,
  });
  data.close();
  // Authentic and meets the rules are two answers: both are printed, and exit 0 needs both.
  const input = entryRulesInputOf(report);
  const entryRules =
    input === undefined
      ? undefined
      : evaluateEntryRules(ruleSet, { ...input, economy, arrivalDate: arrival, now });
  printJson(io, { verified: report.verified, errors: report.errors, entryRules });
  const meets = entryRules?.outcome === 'pass' || entryRules?.outcome === 'no-rules';
  return report.verified && meets ? EXIT.ok : EXIT.notVerified;
}

/** `passage rules sign | verify | show | check`: the operator's signed entry rules. */
export async function rulesCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'sign') return sign(rest, io);
  if (sub === 'verify') return verify(rest, io);
  if (sub === 'show') return show(rest, io);
  if (sub === 'check') return check(rest, io);
  throw new CliError('USAGE', rulesUsage);
}
