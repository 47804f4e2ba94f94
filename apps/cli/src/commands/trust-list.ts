import { access, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  addIssuer,
  checkTrustListAcceptable,
  createTrustList,
  generateOperatorKey,
  mergeTrustEntries,
  parseOperatorPrivateJwk,
  parseOperatorPublicJwk,
  parseTrustList,
  parseTrustListDraft,
  passageEntriesOf,
  removeIssuer,
  setIssuerStatus,
  signTrustList,
  type TrustList,
  type TrustListDraft,
  type TrustListEntry,
  TrustListError,
  trustListJsonSchema,
} from '@passage/trust';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, parseJson, printJson, readInput } from '../io.js';
import { entryFromOptions } from './trust-list-entry.js';
import { importEntries } from './trust-list-import.js';

export const trustListUsage = [
  'passage trust-list init --out FILE [--name OPERATOR]',
  '  passage trust-list keygen --out-private FILE --out-public FILE [--alg ES256|EdDSA]',
  '  passage trust-list add-issuer FILE (--did DID --name NAME --economy THA --types T1,T2 | --from-issuer-db [SLUG]) [--keys-from-did-document FILE|URL | --jwk FILE [--kid ID]] [--valid-from ISO] [--valid-until ISO]',
  '  passage trust-list import FILE [--dcc-gateway FILE|URL] [--vci-issuers FILE|URL --vci-snapshot FILE|URL] [--icao-csca DER|PEM --icao-country AUS [--icao-crl DER|PEM]]',
  '  passage trust-list remove-issuer FILE --did DID',
  '  passage trust-list set-status FILE --did DID --status active|suspended|terminated [--since ISO]',
  '  passage trust-list sign FILE --key OPERATOR.jwk.json [--valid-days N] [--out FILE]   (bumps the version)',
  '  passage trust-list verify FILE --key OPERATOR.pub.jwk.json [--previous FILE] [--at ISO]',
  '  passage trust-list show FILE',
  '  passage trust-list schema',
].join('\n');

const STATUSES = ['active', 'suspended', 'terminated'] as const;

async function readJson(io: CliIo, path: string, what: string): Promise<unknown> {
  return parseJson(await readInput(io, path), what);
}

function oneFile(positionals: string[]): string {
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new CliError('USAGE', trustListUsage);
  return file;
}

function parseInstant(value: string | undefined, option: string): Date {
  if (value === undefined) return new Date();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new CliError('USAGE', `${option} takes an ISO 8601 date or date-time`);
  return date;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Writes through a temporary file and a rename, so a server reading the list never sees half of it. */
async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o644 });
  await rename(temporary, path);
}

async function readDraft(io: CliIo, file: string): Promise<TrustListDraft> {
  return parseTrustListDraft(await readJson(io, file, 'the trust list'));
}

async function init(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, name: { type: 'string' } } });
  if (values.out === undefined) throw new CliError('USAGE', trustListUsage);
  const list = createTrustList(values.name ?? 'Passage trust list operator');
  await writeFile(values.out, `${JSON.stringify(list, null, 2)}\n`, { flag: 'wx', mode: 0o644 }).catch(() => {
    throw new CliError('INPUT_INVALID', `${values.out} exists or cannot be written`);
  });
  io.stderr(`empty trust list written to ${values.out}\n`);
  return EXIT.ok;
}

async function keygen(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'out-private': { type: 'string' }, 'out-public': { type: 'string' }, alg: { type: 'string' } },
  });
  const privatePath = values['out-private'];
  const publicPath = values['out-public'];
  const alg = values.alg ?? 'ES256';
  if (privatePath === undefined || publicPath === undefined || (alg !== 'ES256' && alg !== 'EdDSA'))
    throw new CliError('USAGE', trustListUsage);
  if ((await exists(privatePath)) || (await exists(publicPath)))
    throw new CliError('INPUT_INVALID', 'a key file exists already: it is never overwritten');
  const { privateJwk, publicJwk } = generateOperatorKey(alg);
  await writeFile(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  await writeFile(publicPath, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
  printJson(io, { kid: publicJwk.kid, alg, private: privatePath, public: publicPath });
  return EXIT.ok;
}

/** `--from-issuer-db` takes an optional slug: a missing value (or the next option) means "the only one". */
function withOptionalSlug(args: string[]): string[] {
  const at = args.indexOf('--from-issuer-db');
  if (at < 0) return args;
  const next = args[at + 1];
  if (next !== undefined && !next.startsWith('--')) return args;
  return [...args.slice(0, at + 1), '', ...args.slice(at + 1)];
}

async function addIssuerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: withOptionalSlug(args),
    allowPositionals: true,
    options: {
      did: { type: 'string' },
      name: { type: 'string' },
      economy: { type: 'string' },
      types: { type: 'string' },
      'keys-from-did-document': { type: 'string' },
      jwk: { type: 'string' },
      kid: { type: 'string' },
      'valid-from': { type: 'string' },
      'valid-until': { type: 'string' },
      'from-issuer-db': { type: 'string' },
    },
  });
  const file = oneFile(positionals);
  const list = await readDraft(io, file);
  const entry = await entryFromOptions(
    io,
    {
      did: values.did,
      name: values.name,
      economy: values.economy,
      types: values.types,
      keysFromDidDocument: values['keys-from-did-document'],
      jwk: values.jwk,
      kid: values.kid,
      validFrom: values['valid-from'],
      validUntil: values['valid-until'],
      fromIssuerDb: values['from-issuer-db'],
    },
    trustListUsage,
  );
  // Replacing an entry keeps its status and history: re-adding never lifts a suspension or termination.
  const held = passageEntriesOf(list).find((e) => e.did === entry.did);
  const kept =
    held === undefined
      ? {}
      : { status: held.status, ...(held.statusHistory ? { statusHistory: held.statusHistory } : {}) };
  await writeJsonAtomic(file, addIssuer(list, { ...entry, ...kept }));
  io.stderr(`${held === undefined ? 'added' : 'replaced'} ${entry.did} (unsigned until the next sign)\n`);
  return EXIT.ok;
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dcc-gateway': { type: 'string' },
      'vci-issuers': { type: 'string' },
      'vci-snapshot': { type: 'string' },
      'icao-csca': { type: 'string' },
      'icao-country': { type: 'string' },
      'icao-crl': { type: 'string' },
    },
  });
  const file = oneFile(positionals);
  const sources = {
    dccGateway: values['dcc-gateway'],
    vciIssuers: values['vci-issuers'],
    vciSnapshot: values['vci-snapshot'],
    icaoCsca: values['icao-csca'],
    icaoCountry: values['icao-country'],
    icaoCrl: values['icao-crl'],
  };
  if (Object.values(sources).every((v) => v === undefined)) throw new CliError('USAGE', trustListUsage);
  const list = await readDraft(io, file);
  const { entries, ...counts } = await importEntries(io, sources);
  const { list: merged, added, replaced } = mergeTrustEntries(list, entries);
  await writeJsonAtomic(file, merged);
  printJson(io, { ...counts, added, replaced, entries: merged.entries.length });
  io.stderr(`imported ${added + replaced} entries (unsigned until the next sign)\n`);
  return EXIT.ok;
}

async function removeIssuerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { did: { type: 'string' } },
  });
  if (values.did === undefined) throw new CliError('USAGE', trustListUsage);
  const file = oneFile(positionals);
  await writeJsonAtomic(file, removeIssuer(await readDraft(io, file), values.did));
  io.stderr(`removed ${values.did} (unsigned until the next sign)\n`);
  return EXIT.ok;
}

async function setStatusCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { did: { type: 'string' }, status: { type: 'string' }, since: { type: 'string' } },
  });
  const status = STATUSES.find((s) => s === values.status);
  if (values.did === undefined || status === undefined) throw new CliError('USAGE', trustListUsage);
  const file = oneFile(positionals);
  const since = parseInstant(values.since, '--since');
  await writeJsonAtomic(file, setIssuerStatus(await readDraft(io, file), values.did, status, since));
  io.stderr(`${values.did} is ${status} since ${since.toISOString()} (unsigned until the next sign)\n`);
  return EXIT.ok;
}

async function signCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, 'valid-days': { type: 'string' }, out: { type: 'string' } },
  });
  const days = values['valid-days'] === undefined ? 30 : Number(values['valid-days']);
  if (values.key === undefined || !Number.isInteger(days)) throw new CliError('USAGE', trustListUsage);
  const file = oneFile(positionals);
  const key = parseOperatorPrivateJwk(await readJson(io, values.key, 'the key file'));
  const signed = signTrustList(await readDraft(io, file), key, { validDays: days });
  await writeJsonAtomic(values.out ?? file, signed);
  printJson(io, summaryOf(signed));
  return EXIT.ok;
}

function summaryOf(list: TrustList) {
  const { version, issuedAt, validUntil, operator, entries, proof } = list;
  return { version, issuedAt, validUntil, operator: operator.name, entries: entries.length, kid: proof.kid };
}

async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, previous: { type: 'string' }, at: { type: 'string' } },
  });
  if (values.key === undefined) throw new CliError('USAGE', trustListUsage);
  const operatorKey = parseOperatorPublicJwk(await readJson(io, values.key, 'the key file'));
  const candidate = await readJson(io, oneFile(positionals), 'the trust list');
  const now = parseInstant(values.at, '--at');
  const previous =
    values.previous === undefined
      ? undefined
      : parseTrustList(await readJson(io, values.previous, 'the previous list'));
  try {
    const list = checkTrustListAcceptable(candidate, previous, { now, operatorKey });
    printJson(io, { verified: true, ...summaryOf(list) });
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof TrustListError)) throw error;
    printJson(io, { verified: false, code: error.code, message: error.message });
    return EXIT.notVerified;
  }
}

function describeList(list: TrustListDraft & { proof?: TrustList['proof'] }): string {
  const signed = list.proof === undefined ? 'not signed' : `signed by ${list.proof.kid} (not checked)`;
  const lines = [
    `PassageTrustList version ${list.version} of ${list.operator.name}, issued ${list.issuedAt}, valid until ${list.validUntil}, ${signed}`,
    `${list.entries.length} issuer(s)`,
  ];
  for (const e of list.entries) {
    if (e.framework !== 'passage') {
      lines.push(`${e.framework.toUpperCase()}  ${foreignLabel(e)}`);
      continue;
    }
    const window =
      e.validFrom || e.validUntil ? `, valid ${e.validFrom ?? '…'} to ${e.validUntil ?? '…'}` : '';
    const since = e.statusHistory?.at(-1)?.since;
    lines.push(`${e.status.toUpperCase()}${since ? ` since ${since}` : ''}  ${e.economy}  ${e.name}`);
    lines.push(`    ${e.did}`);
    lines.push(
      `    types: ${e.types.join(', ')}; keys: ${e.keys.length === 0 ? 'from the DID document' : e.keys.map((k) => k.kid.slice(e.did.length)).join(', ')}${window}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function foreignLabel(e: Exclude<TrustListEntry, { framework: 'passage' }>): string {
  if (e.framework === 'shc') return `${e.name ?? e.iss}\n    ${e.iss}; keys: ${e.keys.length}`;
  if (e.framework === 'dcc') return `${e.country}  document signer ${e.kid}`;
  return `${e.country}  CSCA${e.crl === undefined ? '' : ' with CRL'}`;
}

async function show(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const json = await readJson(io, oneFile(positionals), 'the trust list');
  const hasProof = typeof json === 'object' && json !== null && 'proof' in json;
  io.stdout(describeList(hasProof ? parseTrustList(json) : parseTrustListDraft(json)));
  return EXIT.ok;
}

const subcommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  init,
  keygen,
  'add-issuer': addIssuerCommand,
  import: importCommand,
  'remove-issuer': removeIssuerCommand,
  'set-status': setStatusCommand,
  sign: signCommand,
  verify: verifyCommand,
  show,
  schema: async (_args, io) => {
    printJson(io, trustListJsonSchema);
    return EXIT.ok;
  },
};

/** `passage trust-list …`: the operator builds, signs and checks the signed list of trusted issuers. */
export async function trustListCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub === undefined ? undefined : subcommands[sub];
  if (!run) throw new CliError('USAGE', trustListUsage);
  return run(rest, io);
}
