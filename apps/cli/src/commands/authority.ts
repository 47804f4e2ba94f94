import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError, EXIT } from '../errors.js';
import { type CliIo, printJson } from '../io.js';
import { withIssuer } from '../issuer.js';

export const authorityUsage =
  'passage authority create --name NAME --economy THA --types VaccinationCertificate,BusinessTravelCard [--slug SLUG] [--key-type Secp256r1|Ed25519] [--store-personal-data] [--root]\n  passage authority list\n  passage authority dsc generate --authority SLUG [--days 730]\n  passage authority dsc import --authority SLUG --certificate FILE.pem|FILE.der';

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

/**
 * `passage authority dsc generate | import`: the authority's EU DCC document signer certificate. A
 * generated one is self-signed, for development; production imports the DSC its country's CSCA issued
 * for the authority's key. Prints the trust entry verifiers need.
 */
async function dsc(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { authority: { type: 'string' }, days: { type: 'string' }, certificate: { type: 'string' } },
  });
  const slug = values.authority;
  if (positionals.length > 0 || slug === undefined) throw new CliError('USAGE', authorityUsage);
  if (action === 'generate') {
    const days = values.days === undefined ? undefined : Number(values.days);
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650)) {
      throw new CliError('USAGE', '--days is a whole number of days from 1 to 3650');
    }
    printJson(io, await withIssuer(io, (service) => service.generateDsc(slug, days)));
    return EXIT.ok;
  }
  if (action === 'import' && values.certificate !== undefined) {
    const path = values.certificate;
    const certificate = await readFile(path).catch(() => {
      throw new CliError('INPUT_UNREADABLE', `cannot read ${path}`);
    });
    printJson(io, await withIssuer(io, (service) => service.importDsc(slug, certificate)));
    return EXIT.ok;
  }
  throw new CliError('USAGE', authorityUsage);
}

/** `passage authority create | list | dsc`: registers issuing authorities in the issuer's database. */
export async function authorityCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest, io);
  if (sub === 'list') return list(io);
  if (sub === 'dsc') return dsc(rest, io);
  throw new CliError('USAGE', authorityUsage);
}
