import { parseArgs } from 'node:util';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, printJson } from '../io.js';
import { withIssuer } from '../issuer.js';

export const authorityUsage =
  'passage authority create --name NAME --economy THA --types VaccinationCertificate,BusinessTravelCard [--slug SLUG] [--key-type Secp256r1|Ed25519] [--store-personal-data] [--root]\n  passage authority list';

async function create(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      economy: { type: 'string' },
      types: { type: 'string' },
      slug: { type: 'string' },
      'key-type': { type: 'string' },
      'store-personal-data': { type: 'boolean', default: false },
      root: { type: 'boolean', default: false },
    },
  });
  const { name, economy, types } = values;
  if (positionals.length > 0 || !name || !economy || !types) throw new CliError('USAGE', authorityUsage);
  const created = await withIssuer(io, (service) =>
    service.createAuthority({
      name,
      economy: economy.toUpperCase(),
      types: types.split(',').map((t) => t.trim()),
      ...(values.slug === undefined ? {} : { slug: values.slug }),
      ...(values['key-type'] === undefined ? {} : { keyType: values['key-type'] }),
      storePersonalData: values['store-personal-data'],
      root: values.root,
    }),
  );
  printJson(io, {
    did: created.did,
    slug: created.authority.slug,
    apiKey: created.apiKey,
    trustEntry: created.trustEntry,
  });
  return EXIT.ok;
}

async function list(io: CliIo): Promise<number> {
  const authorities = await withIssuer(io, (service) => service.listAuthorities());
  printJson(
    io,
    authorities.map((a) => ({ slug: a.slug, name: a.name, economy: a.economy, did: a.did, types: a.types })),
  );
  return EXIT.ok;
}

/** `passage authority create | list`: registers issuing authorities in the issuer's database. */
export async function authorityCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest, io);
  if (sub === 'list') return list(io);
  throw new CliError('USAGE', authorityUsage);
}
