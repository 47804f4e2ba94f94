import { parseArgs } from 'node:util';
import type { IssuerService } from '@passage/issuer';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, printJson } from '../io.js';
import { withIssuer } from '../issuer.js';

export const credentialUsage =
  'passage credential revoke|suspend|reinstate ID [--reason TEXT] [--authority SLUG|DID]\n  passage credential status ID [--authority SLUG|DID]';

const ACTIONS = ['revoke', 'suspend', 'reinstate'] as const;
type Action = (typeof ACTIONS)[number];

const isAction = (value: string | undefined): value is Action =>
  (ACTIONS as readonly string[]).includes(value ?? '');

/** The operator acts as the authority named, or else as the one that issued the credential. */
function callerFor(service: IssuerService, id: string, authority: string | undefined) {
  return authority === undefined ? service.actAsIssuerOf(id) : service.actAs(authority);
}

/**
 * `passage credential revoke | suspend | reinstate | status`: the operator changes or reads a
 * credential's status straight in the issuer's database (audited as `operator`), and prints
 * `{id, status, changedAt}`. Revocation is final.
 */
export async function credentialCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { reason: { type: 'string' }, authority: { type: 'string' } },
  });
  const [id] = positionals;
  if (id === undefined || positionals.length !== 1) throw new CliError('USAGE', credentialUsage);
  if (sub !== 'status' && !isAction(sub)) throw new CliError('USAGE', credentialUsage);
  if (sub === 'status' && values.reason !== undefined) throw new CliError('USAGE', credentialUsage);
  const status = await withIssuer(io, async (service) => {
    const caller = await callerFor(service, id, values.authority);
    if (sub === 'status') return service.credentialStatus(caller, id);
    const body = values.reason === undefined ? {} : { reason: values.reason };
    return service.changeStatus(caller, id, sub, body);
  });
  printJson(io, { id: status.id, status: status.status, changedAt: status.changedAt.toISOString() });
  return EXIT.ok;
}
