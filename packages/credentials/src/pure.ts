/**
 * `@passage/credentials/pure`: the modules of this package that import nothing from `node:` at run
 * time (parsing, the checks that decide codes, report building, bit lookup), for verifiers that run
 * in a browser. The Node verifier calls the same functions, so both give the same verdicts; only
 * signatures and decompression differ per platform. `@passage/web-verify` tests that nothing here
 * reaches a Node built-in.
 */

export { concatBytes } from './bytes.js';
export { isSelfCertifyingDid, publicJwkOfDid, type SelfCertifiedJwk } from './did/self-certifying.js';
export {
  CredentialError,
  type CredentialErrorCode,
  isCredentialError,
  VERIFICATION_CODES,
  type VerificationCode,
} from './errors.js';
export { jwsFromEnvelope } from './issue/envelope.js';
export {
  algorithmOfKey,
  ECDSA,
  type EcdsaAlgorithm,
  ED25519_SIGNATURE_LENGTH,
  type JoseAlgorithm,
  SUPPORTED_ALGORITHMS,
} from './jws/algorithms.js';
export type { DecodedJws } from './jws/compact.js';
export { MAX_JSON_DEPTH, withinJsonDepth } from './jws/json-depth.js';
export {
  compactJwsSegments,
  jwsObjectOf,
  looksLikeCompactJws,
  MAX_JWS_LENGTH,
  parseJwsObject,
} from './jws/segments.js';
export { decodeBase45, encodeBase45 } from './qr/base45.js';
export { qrDeflateOptions } from './qr/deflate-window.js';
export { DICTIONARY_V1, DICTIONARY_V2 } from './qr/dictionary.js';
export { isPassageQrText, MAX_QR_TEXT_LENGTH, QR_PREFIX, unwrapQrText } from './qr/text.js';
export { decodeVarint, encodeVarint } from './qr/varint.js';
export type { Check, Envelope, StatusEntryReport, StatusSource, VerificationReport } from './report.js';
export {
  encodedListBase64url,
  getStatusBit,
  MAX_STATUS_LIST_BYTES,
  MIN_STATUS_LIST_SIZE,
} from './status/bits.js';
export {
  checkStatusListSize,
  MAX_STATUS_LIST_JWS_LENGTH,
  type StatusListClaims,
  type StatusListClaimsOptions,
  securedStatusListOf,
  statusListClaimsOf,
  statusListKeysOf,
  statusListSignatureInvalid,
  type VerifiedStatusList,
  verifiedStatusListOf,
} from './status/list-claims.js';
export { checkTrustEntry } from './trust/entry-check.js';
export { type PassageTrustEntry, passageTrustEntrySchema } from './trust/trust-file.js';
export { type SecuredCredential, securedCredentialOf } from './verify/claims.js';
export {
  allowedAlgorithmOf,
  checkIssuer,
  checkValidity,
  finishReport,
  reportDecodingError,
  reportSignature,
  signatureCandidates,
  type VerificationOutcome,
} from './verify/credential-checks.js';
export { chooseKeys, type KeyChoice, type KeyLookup, methodIdOf } from './verify/key-choice.js';
export { type LocatedJws, locateJws } from './verify/locate.js';
export { DEFAULT_CLOCK_TOLERANCE_SEC } from './verify/options.js';
export { ReportBuilder } from './verify/report-builder.js';
export { checkSchema, type SchemaOutcome } from './verify/schema-check.js';
export {
  checkStatusEntries,
  type HeldStatusList,
  type HeldStatusView,
  type StatusListAccess,
  statusListUrlsOf,
} from './verify/status-entries.js';
