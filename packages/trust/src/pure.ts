/**
 * The browser-safe part of `@passage/trust` (`@passage/trust/pure`): the schemas of signed
 * documents' proofs, of operator keys and of trust lists, with no Node module behind them. The main entry point also
 * signs and verifies with `node:crypto`.
 */
export {
  type DocumentProof,
  documentProofSchema,
  OPERATOR_ALGORITHMS,
  type OperatorAlgorithm,
  type OperatorPublicJwk,
  operatorPublicJwkSchema,
  protectedHeaderSchema,
  SIGNED_DOCUMENT_TYPES,
  type SignedDocumentType,
} from './document-schemas.js';
export {
  TRUST_LIST_TYP,
  type TrustList,
  type TrustListEntry,
  trustEntryIdentity,
  trustListSchema,
} from './trust-list-schema.js';
