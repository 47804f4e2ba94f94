/**
 * Row shapes of the issuer's tables, as Kysely sees them. Column names are snake_case in the database;
 * the record types the rest of the issuer uses are camelCase and live beside each repository module.
 * Timestamps are ISO 8601 text and booleans are integers 0/1, so the same schema works on SQLite and Postgres.
 */

/** An issuing authority: who signs, with which DID and key, for which credential types. */
export interface AuthoritiesTable {
  id: string;
  slug: string;
  name: string;
  economy: string;
  did: string;
  kid: string;
  key_type: 'Secp256r1' | 'Ed25519';
  types_json: string;
  store_personal_data: number;
  created_at: string;
}

/** An API key; only a hash of its secret is kept. */
export interface ApiKeysTable {
  id: string;
  authority_id: string;
  secret_hash: string;
  types_json: string;
  economy: string;
  created_at: string;
  revoked_at: string | null;
}

/** One issued credential. `subject_json` is null unless the authority asked to keep personal data. */
export interface CredentialsTable {
  id: string;
  authority_id: string;
  type: string;
  digest: string;
  format: 'vc+jwt' | 'jwt';
  jws: string;
  issued_at: string;
  valid_from: string;
  valid_until: string | null;
  subject_json: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
}

/** Veramo key metadata (public part only). */
export interface VeramoKeysTable {
  kid: string;
  kms: string;
  type: string;
  public_key_hex: string;
  meta_json: string | null;
}

/** Veramo private keys, encrypted by the secret box. */
export interface VeramoPrivateKeysTable {
  alias: string;
  type: string;
  ciphertext: string;
}

/** Veramo managed DIDs with their keys (public parts) and services. */
export interface VeramoDidsTable {
  did: string;
  provider: string;
  alias: string | null;
  controller_key_id: string | null;
  keys_json: string;
  services_json: string;
}

/** Every table of the issuer database, for `Kysely<IssuerTables>`. */
export interface IssuerTables {
  authorities: AuthoritiesTable;
  api_keys: ApiKeysTable;
  credentials: CredentialsTable;
  veramo_keys: VeramoKeysTable;
  veramo_private_keys: VeramoPrivateKeysTable;
  veramo_dids: VeramoDidsTable;
}
