import { randomUUID } from 'node:crypto';
import type { IKey, KeyMetadata, ManagedKeyInfo } from '@veramo/core-types';
import {
  AbstractKeyStore,
  AbstractPrivateKeyStore,
  type ImportablePrivateKey,
  type ManagedPrivateKey,
} from '@veramo/key-manager';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { parseJsonColumn } from './json-column.js';
import type { IssuerTables, VeramoKeysTable } from './schema.js';
import type { SecretBox } from './secret-box.js';

/*
 * Veramo's stores backed by the issuer database. Behaviour follows Veramo's Memory* stores: imports
 * overwrite, deletes of unknown entries succeed, and a get of something unknown throws an Error whose
 * message starts with `not_found` (Veramo's convention; these are Veramo's errors, not IssuerDbError).
 */

const metaSchema = z.record(z.string(), z.unknown());

function metaOf(json: string | null, column: string): KeyMetadata | null {
  return json === null ? null : parseJsonColumn(metaSchema, json, column);
}

function keyOfRow(row: Selectable<VeramoKeysTable>): ManagedKeyInfo {
  return {
    kid: row.kid,
    kms: row.kms,
    type: row.type,
    publicKeyHex: row.public_key_hex,
    meta: metaOf(row.meta_json, 'veramo_keys.meta_json'),
  };
}

/** Veramo's key metadata store (public keys and which KMS holds each private key) in SQL. */
export class SqlKeyStore extends AbstractKeyStore {
  constructor(private readonly db: Kysely<IssuerTables>) {
    super();
  }

  /** Inserts or replaces a key's metadata. Any `privateKeyHex` is ignored: private keys never land here. */
  override async importKey(args: Partial<IKey>): Promise<boolean> {
    const { kid, kms, type, publicKeyHex } = args;
    if (kid === undefined || kms === undefined || type === undefined || publicKeyHex === undefined) {
      throw Error('invalid_argument: kid, kms, type and publicKeyHex are required');
    }
    const row = {
      kid,
      kms,
      type,
      public_key_hex: publicKeyHex,
      meta_json: args.meta ? JSON.stringify(args.meta) : null,
    };
    const { kid: _kid, ...update } = row;
    await this.db
      .insertInto('veramo_keys')
      .values(row)
      .onConflict((oc) => oc.column('kid').doUpdateSet(update))
      .execute();
    return true;
  }

  /** @throws Error `not_found` for an unknown kid */
  override async getKey({ kid }: { kid: string }): Promise<IKey> {
    const row = await this.db.selectFrom('veramo_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
    if (row === undefined) throw Error('not_found: Key not found');
    return keyOfRow(row);
  }

  override async deleteKey({ kid }: { kid: string }): Promise<boolean> {
    await this.db.deleteFrom('veramo_keys').where('kid', '=', kid).execute();
    return true;
  }

  override async listKeys(_args: Record<string, never> = {}): Promise<ManagedKeyInfo[]> {
    const rows = await this.db.selectFrom('veramo_keys').selectAll().orderBy('kid').execute();
    return rows.map(keyOfRow);
  }
}

/**
 * Veramo's private key store in SQL. Key material is sealed by the {@link SecretBox} (AES-256-GCM, the
 * alias as associated data) before it is written; the table never holds a private key in clear.
 */
export class SqlPrivateKeyStore extends AbstractPrivateKeyStore {
  constructor(
    private readonly db: Kysely<IssuerTables>,
    private readonly box: SecretBox,
  ) {
    super();
  }

  /** @throws Error `key_already_exists` when the alias holds different key material */
  override async importKey(args: ImportablePrivateKey): Promise<ManagedPrivateKey> {
    const alias = args.alias || randomUUID();
    const existing = await this.find(alias);
    if (existing !== undefined && existing.privateKeyHex !== args.privateKeyHex) {
      throw Error('key_already_exists: key exists with different data, please use a different alias');
    }
    const row = { alias, type: args.type, ciphertext: this.box.seal(args.privateKeyHex, alias) };
    await this.db
      .insertInto('veramo_private_keys')
      .values(row)
      .onConflict((oc) => oc.column('alias').doUpdateSet({ type: row.type, ciphertext: row.ciphertext }))
      .execute();
    return { alias, type: args.type, privateKeyHex: args.privateKeyHex };
  }

  /**
   * @throws Error `not_found` for an unknown alias; IssuerDbError `DECRYPTION_FAILED` when the configured
   *   secret is not the one the key was sealed with
   */
  override async getKey({ alias }: { alias: string }): Promise<ManagedPrivateKey> {
    const key = await this.find(alias);
    if (key === undefined) throw Error('not_found: PrivateKey not found');
    return key;
  }

  override async deleteKey({ alias }: { alias: string }): Promise<boolean> {
    await this.db.deleteFrom('veramo_private_keys').where('alias', '=', alias).execute();
    return true;
  }

  override async listKeys(_args: Record<string, never> = {}): Promise<ManagedPrivateKey[]> {
    const rows = await this.db.selectFrom('veramo_private_keys').selectAll().orderBy('alias').execute();
    return rows.map((row) => ({
      alias: row.alias,
      type: row.type,
      privateKeyHex: this.box.open(row.ciphertext, row.alias),
    }));
  }

  private async find(alias: string): Promise<ManagedPrivateKey | undefined> {
    const row = await this.db
      .selectFrom('veramo_private_keys')
      .selectAll()
      .where('alias', '=', alias)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return { alias, type: row.type, privateKeyHex: this.box.open(row.ciphertext, alias) };
  }
}
