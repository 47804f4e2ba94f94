import type { IIdentifier, IKey, IService } from '@veramo/core-types';
import { AbstractDIDStore } from '@veramo/did-manager';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { parseJsonColumn } from './json-column.js';
import type { IssuerTables, VeramoDidsTable } from './schema.js';

const keysSchema = z.array(
  z.object({
    kid: z.string(),
    kms: z.string(),
    type: z.string(),
    publicKeyHex: z.string(),
    meta: z.record(z.string(), z.unknown()).nullable().optional(),
  }),
);

const endpointSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);
const servicesSchema = z.array(
  z.object({
    id: z.string(),
    type: z.string(),
    serviceEndpoint: z.union([endpointSchema, z.array(endpointSchema)]),
    description: z.string().optional(),
  }),
);

/** Rebuilds objects without `undefined`-valued optional fields (exactOptionalPropertyTypes). */
function keyOf(key: z.infer<typeof keysSchema>[number]): IKey {
  const { meta, ...rest } = key;
  return meta === undefined ? rest : { ...rest, meta };
}

function serviceOf(service: z.infer<typeof servicesSchema>[number]): IService {
  const { description, ...rest } = service;
  return description === undefined ? rest : { ...rest, description };
}

function identifierOf(row: Selectable<VeramoDidsTable>): IIdentifier {
  const identifier: IIdentifier = {
    did: row.did,
    provider: row.provider,
    keys: parseJsonColumn(keysSchema, row.keys_json, 'veramo_dids.keys_json').map(keyOf),
    services: parseJsonColumn(servicesSchema, row.services_json, 'veramo_dids.services_json').map(serviceOf),
  };
  if (row.alias !== null) identifier.alias = row.alias;
  if (row.controller_key_id !== null) identifier.controllerKeyId = row.controller_key_id;
  return identifier;
}

/**
 * Veramo's DID store in SQL: each managed DID with its provider, alias, controller key, keys (public parts
 * only) and services. Mirrors `MemoryDIDStore`: imports overwrite, deleting an unknown DID succeeds, and an
 * unknown DID or alias throws an Error whose message starts with `not_found`.
 */
export class SqlDidStore extends AbstractDIDStore {
  constructor(private readonly db: Kysely<IssuerTables>) {
    super();
  }

  /** Inserts or replaces an identifier; private key material on its keys is dropped, never stored. */
  override async importDID(args: IIdentifier): Promise<boolean> {
    const keys = args.keys.map(({ privateKeyHex: _secret, ...key }) => key);
    const row = {
      did: args.did,
      provider: args.provider,
      alias: args.alias ?? null,
      controller_key_id: args.controllerKeyId ?? null,
      keys_json: JSON.stringify(keys),
      services_json: JSON.stringify(args.services ?? []),
    };
    const { did: _did, ...update } = row;
    await this.db
      .insertInto('veramo_dids')
      .values(row)
      .onConflict((oc) => oc.column('did').doUpdateSet(update))
      .execute();
    return true;
  }

  override async getDID(args: { did: string }): Promise<IIdentifier>;
  override async getDID(args: { alias: string }): Promise<IIdentifier>;
  /**
   * Finds a DID by `did`, or by `alias` (narrowed by `provider` when given).
   *
   * @throws Error `invalid_argument` unless exactly one of did and alias is given; `not_found` when none matches
   */
  override async getDID(args: { did?: string; alias?: string; provider?: string }): Promise<IIdentifier> {
    const { did, alias, provider } = args;
    let query = this.db.selectFrom('veramo_dids').selectAll();
    if (did !== undefined && alias === undefined) {
      query = query.where('did', '=', did);
    } else if (did === undefined && alias !== undefined) {
      query = query.where('alias', '=', alias);
      if (provider !== undefined) query = query.where('provider', '=', provider);
    } else {
      throw Error('invalid_argument: Get requires did or (alias and provider)');
    }
    const row = await query.orderBy('did').executeTakeFirst();
    if (row === undefined) throw Error('not_found: IIdentifier not found');
    return identifierOf(row);
  }

  override async deleteDID({ did }: { did: string }): Promise<boolean> {
    await this.db.deleteFrom('veramo_dids').where('did', '=', did).execute();
    return true;
  }

  /** Every stored identifier, narrowed to the given alias and/or provider. */
  override async listDIDs(args: { alias?: string; provider?: string }): Promise<IIdentifier[]> {
    let query = this.db.selectFrom('veramo_dids').selectAll();
    if (args.alias) query = query.where('alias', '=', args.alias);
    if (args.provider) query = query.where('provider', '=', args.provider);
    const rows = await query.orderBy('did').execute();
    return rows.map(identifierOf);
  }
}
