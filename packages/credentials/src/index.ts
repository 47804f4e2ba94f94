export {
  createPassageAgent,
  type PassageAgent,
  type PassageAgentHandle,
  type PassageStores,
} from './agent.js';
export { concatBytes } from './bytes.js';
export {
  COSE_ALGORITHM_IDS,
  type CoseKind,
  decodeCoseCredential,
  decodeCoseSecured,
  encodeCoseCredential,
  encodeCoseSecured,
  VC_COSE_MEDIA_TYPE,
  VP_COSE_MEDIA_TYPE,
} from './cose/cose-credential.js';
export { createAuthorityDid, createJwkDid } from './did/create.js';
export { didWebFor, didWebToUrl } from './did/did-web.js';
export { type DidDocument, didDocumentFor, publicKeysOf } from './did/document.js';
export { createDidResolver, didWebMethod } from './did/resolver.js';
export { FIRST_KEY_FRAGMENT, verificationMethodId } from './did/verification-method.js';
export {
  CredentialError,
  type CredentialErrorCode,
  isCredentialError,
  VERIFICATION_CODES,
  type VerificationCode,
} from './errors.js';
export {
  type BuildCredentialOptions,
  buildCredential,
  type UnsecuredCredential,
} from './issue/credential.js';
export { type EnvelopedCredential, envelopedCredential, jwsFromEnvelope } from './issue/envelope.js';
export { issueCredential, type SecuringFormat } from './issue/issue.js';
export { CredentialProviderVcJose, VC_JOSE_FORMAT } from './issue/vc-jose-provider.js';
export { algorithmOfKey, ECDSA } from './jws/algorithms.js';
export { type DecodedJws, decodeCompactJws } from './jws/compact.js';
export { MAX_JSON_DEPTH, withinJsonDepth } from './jws/json-depth.js';
export { type JoseAlgorithm, SUPPORTED_ALGORITHMS } from './jws/signature.js';
export { algorithmFor, type PassageAlgorithm, type PassageKeyType } from './keys/key-material.js';
export { NodeCryptoKms, PASSAGE_KMS } from './keys/node-crypto-kms.js';
export { createMemoryStores } from './keys/stores.js';
export {
  decodePresentation,
  looksLikePresentation,
  type PresentationEnvelope,
} from './presentation/locate.js';
export type { PresentationChecks, PresentationReport } from './presentation/report.js';
export {
  credentialKeyBinding,
  MAX_PRESENTED_CREDENTIALS,
  type PresentationOptions,
  verifyPresentation,
} from './presentation/verify-presentation.js';
export {
  decodeQrText,
  encodeQrText,
  isPassageQrText,
  QR_PREFIX,
  type QrModulePath,
  qrModulePath,
  qrVersionFor,
  renderQrPng,
  renderQrSvg,
} from './qr/index.js';
export type {
  Check,
  CredentialFormat,
  Envelope,
  IssuerInfo,
  Securing,
  StatusEntryReport,
  StatusSource,
  VerificationChecks,
  VerificationIssue,
  VerificationReport,
} from './report.js';
export { appendKeyBinding, type KeyBindingClaims } from './sd-jwt/bind.js';
export { keyBindingRequired } from './sd-jwt/key-binding.js';
export {
  decodeSdJwtCredential,
  encodeSdJwtCredential,
  VC_SD_JWT_MEDIA_TYPE,
} from './sd-jwt/sd-jwt.js';
export {
  emptyStatusList,
  getStatusBit,
  MAX_STATUS_LIST_BYTES,
  MIN_STATUS_LIST_SIZE,
  setStatusBit,
  statusListSize,
} from './status/bits.js';
export { decodeStatusList, encodeStatusList } from './status/bitstring.js';
export {
  createStatusListCache,
  DEFAULT_STATUS_MAX_STALE_SEC,
  type StatusListCache,
  type StatusListCacheOptions,
  type StatusListLoadOptions,
  type StatusListLoadResult,
  type StatusListView,
  type StatusLookup,
} from './status/cache.js';
export {
  type BitstringStatusListEntry,
  STATUS_PURPOSES,
  type StatusPurpose,
  statusListEntry,
} from './status/entry.js';
export { isFetchableUrl } from './status/fetch.js';
export {
  MAX_STATUS_LIST_JWS_LENGTH,
  type StatusListSnapshot,
  type StatusListVerifyOptions,
  verifyStatusListCredential,
} from './status/list-credential.js';
export {
  type BitstringStatusListSubject,
  buildStatusListCredential,
  type StatusListCredential,
  type StatusListCredentialOptions,
} from './status/publish.js';
export {
  type PassageTrustEntry,
  passageTrustEntrySchema,
  type TrustFile,
  type TrustFileInput,
  trustFileSchema,
} from './trust/trust-file.js';
export { createTrustStore, type TrustStore, trustEntryFor } from './trust/trust-store.js';
export { extractDecodedJws as decodeVerifiableInput } from './verify/input.js';
export { methodIdOf } from './verify/key-choice.js';
export {
  DEFAULT_CLOCK_TOLERANCE_SEC,
  DEFAULT_KEY_BINDING_MAX_AGE_SEC,
  type KeyBindingPolicy,
  type VerifyOptions,
} from './verify/options.js';
export { ReportBuilder } from './verify/report-builder.js';
export type { SchemaOutcome } from './verify/schema-check.js';
export { statusListUrlsOf } from './verify/status-check.js';
export {
  type VerificationOutcome,
  verifyCredential,
  verifyCredentialDetailed,
  verifyCredentialResolving,
} from './verify/verify.js';
