import type { Generated } from 'kysely';

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
  /** `dcc` and `shc` hold the `HC1:` / `shc:/` text in `jws`. */
  format: 'vc+jwt' | 'jwt' | 'dcc' | 'shc';
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

/** One status list: an authority's list for one purpose in one generation, and its last signed version. */
export interface StatusListsTable {
  id: string;
  authority_id: string;
  generation: number;
  purpose: 'revocation' | 'suspension';
  size: number;
  /** Bumped whenever a bit of the list changes. */
  version: number;
  /** When `version` was made: the `validFrom` of the status list credential. */
  updated_at: string;
  signed_version: number | null;
  signed_jws: string | null;
  signed_json: string | null;
}

/** A credential's index in its authority's lists (one generation) and its revocation and suspension bits. */
export interface CredentialStatusTable {
  credential_id: string;
  authority_id: string;
  generation: number;
  list_index: number;
  revoked: number;
  suspended: number;
  changed_at: string;
}

/** One change of a credential's status. Append-only: triggers refuse UPDATE and DELETE. */
export interface StatusAuditLogTable {
  id: Generated<number>;
  at: string;
  authority_id: string;
  /** The API key id, or `operator` for the CLI on the issuer's database. */
  actor: string;
  credential_id: string;
  action: 'revoke' | 'suspend' | 'reinstate';
  purpose: 'revocation' | 'suspension';
  previous_state: 'active' | 'suspended' | 'revoked';
  new_state: 'active' | 'suspended' | 'revoked';
  reason: string | null;
}

/** Taken indexes per bucket of a generation, kept by triggers on `credential_status`. */
export interface StatusIndexBucketsTable {
  authority_id: string;
  generation: number;
  bucket: number;
  taken: number;
}

/** An OpenID4VCI credential offer: sealed subject, hashed codes, and how far the wallet got. */
export interface CredentialOffersTable {
  id: string;
  authority_id: string;
  api_key_id: string;
  economy: string;
  type: string;
  configuration_id: string;
  subject_sealed: string;
  offer_uri_sealed: string;
  code_hash: string;
  tx_code_hash: string | null;
  /** Transaction-code attempts taken, each counted before comparing (see `takeTxAttempt`). */
  tx_failures: number;
  created_at: string;
  expires_at: string;
  token_issued_at: string | null;
  redeemed_at: string | null;
  credential_id: string | null;
}

/** An authority's EU DCC document signer certificate (DSC), base64 DER. */
export interface DccSignersTable {
  authority_id: string;
  /** The DCC kid, base64 of the first 8 bytes of the certificate's SHA-256. */
  kid: string;
  /** ISO 3166-1 alpha-2: the DCC `iss` and the trust entry's country. */
  country: string;
  certificate: string;
  origin: 'generated' | 'imported';
  not_before: string;
  not_after: string;
  created_at: string;
}

/** Every table of the issuer database, for `Kysely<IssuerTables>`. */
export interface IssuerTables {
  authorities: AuthoritiesTable;
  api_keys: ApiKeysTable;
  credentials: CredentialsTable;
  veramo_keys: VeramoKeysTable;
  veramo_private_keys: VeramoPrivateKeysTable;
  veramo_dids: VeramoDidsTable;
  status_lists: StatusListsTable;
  credential_status: CredentialStatusTable;
  status_audit_log: StatusAuditLogTable;
  status_index_buckets: StatusIndexBucketsTable;
  credential_offers: CredentialOffersTable;
  dcc_signers: DccSignersTable;
}
