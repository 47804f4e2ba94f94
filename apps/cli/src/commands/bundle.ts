import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportBundle, fetchJson, loadVerifierConfig, readOperatorKeys } from '@passage/verifier';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, parseJson, readInput } from '../io.js';

export const bundleUsage =
  'passage bundle export --trust-list URL|FILE [--rules URL|FILE] [--operator-key FILE] [--status-list-index URL]... [--status-list URL]... --out FILE';

/** Reads a signed document from a URL or a file. */
async function documentFrom(io: CliIo, where: string, what: string): Promise<unknown> {
  if (/^https?:\/\//.test(where)) {
    try {
      return await fetchJson(where);
    } catch (error) {
      throw new CliError('INPUT_UNREADABLE', `${what} ${where}: ${(error as Error).message}`);
    }
  }
  return parseJson(await readInput(io, where), what);
}

/**
 * `passage bundle export`: writes everything a verifier needs to decide with no network — the
 * signed trust list and rules, the trusted issuers' status lists and DID documents — after checking
 * the trust list and rules against the pinned operator key.
 */
export async function bundleCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export') throw new CliError('USAGE', bundleUsage);
  const { values } = parseArgs({
    args: rest,
    options: {
      'trust-list': { type: 'string' },
      rules: { type: 'string' },
      'operator-key': { type: 'string' },
      'status-list-index': { type: 'string', multiple: true },
      'status-list': { type: 'string', multiple: true },
      out: { type: 'string' },
    },
  });
  const trustListAt = values['trust-list'];
  if (trustListAt === undefined || values.out === undefined) throw new CliError('USAGE', bundleUsage);
  const keyValue = values['operator-key'] ?? loadVerifierConfig(io.env).operatorKey;
  if (keyValue === undefined) {
    throw new CliError(
      'USAGE',
      'give --operator-key (or set PASSAGE_OPERATOR_KEY): the bundle is checked against it',
    );
  }
  const { bundle, warnings } = await exportBundle({
    trustList: await documentFrom(io, trustListAt, 'trust list'),
    ...(values.rules ? { rules: await documentFrom(io, values.rules, 'entry rules') } : {}),
    operatorKey: readOperatorKeys(keyValue),
    ...(values['status-list-index'] ? { statusListIndexes: values['status-list-index'] } : {}),
    ...(values['status-list'] ? { statusLists: values['status-list'] } : {}),
  });
  writeFileSync(values.out, `${JSON.stringify(bundle)}\n`);
  for (const warning of warnings) io.stderr(`passage: warning: ${warning}\n`);
  io.stdout(
    `bundle written to ${values.out}: trust list v${String(bundle.trustList.version)}, ` +
      `${bundle.rules ? `rules v${String(bundle.rules.version)}, ` : ''}` +
      `${bundle.statusLists.length} status lists, ${bundle.didDocuments.length} DID documents\n`,
  );
  return EXIT.ok;
}
