// The browser-safe modules of the SMART Health Card verifier, re-exported by `@passage/formats/pure`.
export { MAX_SHC_CHUNKS, MAX_SHC_JWS_LENGTH, parseShcChunk, type ShcChunk } from './chunks.js';
export { HEALTH_CARD_TYPE, type ShcClaims, shcClaimsSchema } from './claims.js';
export { isShcClaimsAsIs } from './claims-compiled.js';
export { MAX_SHC_PAYLOAD_BYTES, type ShcCodec, type ShcJwsOf, shcJwsDecoder } from './compact.js';
export { joinShcChunksPortable } from './digits.js';
export { isShcText, SHC_PREFIX } from './prefix.js';
export { type ShcRecordOutcome, shcRecord } from './record.js';
export { checkShcRevocation, type ShcRevocationOutcome } from './revocation.js';
export {
  indexShcCrl,
  parseShcTrustEntry,
  type ShcCardJwk,
  type ShcCrl,
  type ShcIssuerOf,
  type ShcKeyOf,
  type ShcRevocationList,
  type ShcTrustEntry,
  type ShcTrustOf,
  shcCardKeysOf,
  shcCrlSchema,
  shcIssuerOf,
  shcJwkSchema,
  shcKeyImportFailed,
  shcTrustEntrySchema,
} from './trust-list.js';
export {
  decodeShcCard,
  finishShcReport,
  readShcCard,
  type ShcCardStep,
  type ShcDecodeStep,
  type ShcInputDecoder,
  undecodedShcReport,
} from './verdict.js';
