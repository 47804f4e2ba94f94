export { type AcceptOptions, checkTrustListAcceptable } from './accept.js';
export { keysFromDidDocument, type TrustedKeys } from './did-document-keys.js';
export {
  addIssuer,
  createTrustList,
  removeIssuer,
  type SignTrustListOptions,
  setIssuerStatus,
  signTrustList,
} from './edit.js';
export {
  isTrustListError,
  TRUST_LIST_CODES,
  type TrustErrorCode,
  type TrustListCode,
  TrustListError,
} from './errors.js';
export { type ForeignTrust, foreignTrustOf } from './foreign-trust.js';
export { dccEntriesFromGateway, type ImportOutcome } from './import/dcc-gateway.js';
export { type MergeOutcome, mergeTrustEntries } from './import/merge.js';
export { shcEntriesFromVci } from './import/vci-directory.js';
export { type OfflineBundle, offlineBundleSchema } from './offline-bundle.js';
export {
  generateOperatorKey,
  jwkThumbprint,
  OPERATOR_ALGORITHMS,
  type OperatorAlgorithm,
  type OperatorPrivateJwk,
  type OperatorPublicJwk,
  operatorPrivateJwkSchema,
  operatorPublicJwkSchema,
  parseOperatorPrivateJwk,
  parseOperatorPublicJwk,
  publicJwkOf,
} from './operator-key.js';
export {
  type DocumentProof,
  documentProofSchema,
  SIGNED_DOCUMENT_TYPES,
  type SignedDocumentCode,
  type SignedDocumentResult,
  type SignedDocumentType,
  signDocument,
  verifySignedDocument,
} from './signed-document.js';
export {
  parseTrustList,
  parseTrustListDraft,
  passageEntriesOf,
  trustListJsonSchema,
  trustStoreFromList,
} from './trust-list.js';
export {
  TRUST_LIST_TYP,
  type TrustList,
  type TrustListDraft,
  type TrustListEntry,
  type TrustListEntryInput,
  trustEntryIdentity,
  trustListDraftSchema,
  trustListEntrySchema,
  trustListSchema,
} from './trust-list-schema.js';
