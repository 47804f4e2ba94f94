export {
  type ApiKeyRecord,
  type ApiKeyScope,
  createApiKey,
  findApiKey,
  findApiKeyWithAuthority,
  listApiKeys,
  revokeApiKey,
} from './api-keys.js';
export { AUDIT_PAGE_LIMIT, type AuditEntry, appendAudit, listAudit } from './audit-log.js';
export {
  type AuthorityKeyType,
  type AuthorityRecord,
  findAuthorityByDid,
  findAuthorityById,
  findAuthorityBySlug,
  insertAuthority,
  listAuthorities,
  type NewAuthority,
} from './authorities.js';
export {
  type CredentialState,
  type CredentialStatusRecord,
  changeCredentialStatus,
  findCredentialStatus,
  findIssuerOf,
  releaseIndex,
  type StatusAction,
  type StatusChangeOutcome,
  stateOf,
} from './credential-status.js';
export {
  type CredentialFormat,
  type CredentialRecord,
  credentialDigest,
  findByIdempotencyKey,
  findCredential,
  insertCredential,
  type NewCredential,
} from './credentials.js';
export { type DatabaseLocation, type IssuerDatabase, openDatabase, parseDatabaseUrl } from './database.js';
export { IssuerDbError, type IssuerDbErrorCode, isIssuerDbError } from './errors.js';
export { type IssuedRows, type RecordOutcome, recordIssued } from './issue-record.js';
export { migrateToLatest } from './migrate.js';
export {
  claimRedemption,
  findOffer,
  findOfferByCodeHash,
  insertOffer,
  markTokenIssued,
  type NewOffer,
  type OfferRecord,
  recordRedeemedCredential,
  releaseRedemption,
  takeTxAttempt,
} from './offers.js';
export type { IssuerTables } from './schema.js';
export { createSecretBox, SecretBox } from './secret-box.js';
export { type AllocatedStatus, allocateStatusIndex } from './status-allocation.js';
export { type ChosenIndex, chooseStatusIndex } from './status-choice.js';
export {
  findStatusList,
  generationLists,
  listStatusLists,
  type StatusListPurpose,
  type StatusListRecord,
  saveSignedVersion,
  setIndexes,
} from './status-lists.js';
export { SqlDidStore } from './veramo-did-store.js';
export { SqlKeyStore, SqlPrivateKeyStore } from './veramo-key-store.js';
