/**
 * The browser-safe part of `@passage/trust` (`@passage/trust/pure`): the schemas of signed
 * documents' proofs and of operator keys, with no Node module behind them. The main entry point also
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
