export { encodeBase45 } from '@passage/credentials/pure';
export {
  type CoseSign1,
  createDccTrust,
  DCC_LIMITS,
  DCC_PREFIX,
  type DccClaims,
  type DccSigner,
  type DccTrust,
  type DccTrustEntry,
  type DccType,
  type DecodedDcc,
  dccKidOf,
  dccTrustEntrySchema,
  decodeDcc,
  isDccText,
  type VerifyDccOptions,
  verifyDcc,
} from './dcc/index.js';
export { type DccContent, type IssueDccOptions, issueDcc } from './dcc/issue.js';
export { createDevelopmentDsc, DCC_VACCINATION_EKU, type DevelopmentDscOptions } from './dcc/issue-dsc.js';
export { certificateDer, type DscDetails, dccTrustEntryFor, readDsc } from './dcc/issue-dsc-import.js';
export {
  FormatIssueError,
  type FormatIssueErrorCode,
  isFormatIssueError,
} from './dcc/issue-error.js';
export {
  DCC_SCHEMA_VERSION,
  type DccVaccinationEntry,
  type DccVaccinationPayload,
  dccPayloadFromRecord,
  uvciFor,
} from './dcc/issue-payload.js';
export { type Es256Signer, keyObjectSigner } from './dcc/issue-signer.js';
export { dccCountryCode } from './dcc/issue-value-sets.js';
// Every export of detect.ts: format detection and the foreign dispatch both platforms share.
export * from './detect.js';
export {
  type IcaoTrust,
  type IcaoTrustEntry,
  type IcaoVerifyOptions,
  icaoTrustEntrySchema,
  isIcaoVdsNc,
  prepareIcaoTrust,
  verifyIcaoVdsNc,
} from './icao/index.js';
export {
  isShcText,
  joinShcChunks,
  prepareShcTrust,
  type ShcTrust,
  type ShcTrustEntry,
  type ShcVerifyOptions,
  shcTrustEntrySchema,
  verifyShc,
} from './shc/index.js';
export { type IssueShcOptions, issueShc, MAX_SINGLE_QR_JWS_LENGTH } from './shc/issue.js';
export { shcBundleFromRecord } from './shc/issue-fhir.js';
export { type ShcPublicJwk, shcPublicJwk } from './shc/issue-jwks.js';
