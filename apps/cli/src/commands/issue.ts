import { parseArgs } from 'node:util';
import type { CredentialType } from '@passage/schema';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, parseJson, printJson, readInput } from '../io.js';
import { withIssuer } from '../issuer.js';

export const issueUsage =
  'passage issue vaccination|travel-card --data FILE|- [--authority SLUG|DID] [--format vc+jwt|jwt]';

const TYPES: Record<string, CredentialType> = {
  vaccination: 'VaccinationCertificate',
  'travel-card': 'BusinessTravelCard',
};

/**
 * `passage issue`: issues one credential straight into the issuer's database, without HTTP, and
 * prints `{id, credential, jws, qr}`.
 */
export async function issueCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, authority: { type: 'string' }, format: { type: 'string' } },
  });
  const type = TYPES[positionals[0] ?? ''];
  if (!type || positionals.length !== 1 || values.data === undefined) throw new CliError('USAGE', issueUsage);
  const format = values.format;
  if (format !== undefined && format !== 'vc+jwt' && format !== 'jwt') {
    throw new CliError('USAGE', '--format is vc+jwt or jwt');
  }
  const body = parseJson(
    await readInput(io, values.data),
    values.data === '-' ? 'standard input' : values.data,
  );
  const issued = await withIssuer(io, async (service) =>
    service.issue(await service.actAs(values.authority, type), type, body, { format }),
  );
  printJson(io, { id: issued.id, type: issued.type, format: issued.format, jws: issued.jws, qr: issued.qr });
  return EXIT.ok;
}
