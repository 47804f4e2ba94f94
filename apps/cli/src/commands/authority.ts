import { parseArgs } from 'node:util';
import { loadIssuerConfig, openIssuer } from '@passage/issuer';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, printJson } from '../io.js';

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
  if (positionals.length > 0 || !values.name || !values.economy || !values.types) {
    throw new CliError('USAGE', authorityUsage);
  }
  const issuer = await openIssuer(loadIssuerConfig(io.env));
  try {
    const created = await issuer.service.createAuthority({
      name: values.name,
      economy: values.economy.toUpperCase(),
      types: values.types.split(',').map((t) => t.trim()),
      ...(values.slug === undefined ? {} : { slug: values.slug }),
      ...(values['key-type'] === undefined ? {} : { keyType: values['key-type'] }),
      storePersonalData: values['store-personal-data'],
      root: values.root,
    });
    printJson(io, {
      did: created.did,
      slug: created.authority.slug,
      apiKey: created.apiKey,
      trustEntry: created.trustEntry,
    });
    return EXIT.ok;
  } finally {
    await issuer.close();
  }
}

async function list(io: CliIo): Promise<number> {
  const issuer = await openIssuer(loadIssuerConfig(io.env));
  try {
    const authorities = await issuer.service.listAuthorities();
    printJson(
      io,
      authorities.map((a) => ({
        slug: a.slug,
        name: a.name,
        economy: a.economy,
        did: a.did,
        types: a.types,
      })),
    );
    return EXIT.ok;
  } finally {
    await issuer.close();
  }
}

/** `passage authority create | list`: registers issuing authorities in the issuer's database. */
export async function authorityCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest, io);
  if (sub === 'list') return list(io);
  throw new CliError('USAGE', authorityUsage);
}
