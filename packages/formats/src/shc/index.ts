export { HEALTH_CARD_TYPE, type ShcClaims, shcClaimsSchema } from './claims.js';
export { decodeShcJws, MAX_SHC_PAYLOAD_BYTES, type ShcJws } from './jws.js';
export {
  decodeShcDigits,
  isShcText,
  joinShcChunks,
  MAX_SHC_JWS_LENGTH,
  parseShcChunk,
  SHC_PREFIX,
  type ShcChunk,
} from './numeric.js';
export { type ShcRecordOutcome, shcRecord } from './record.js';
export { prepareShcTrust, type ShcIssuer, type ShcTrust } from './trust.js';
export { type ShcCrl, type ShcTrustEntry, shcCrlSchema, shcTrustEntrySchema } from './trust-list.js';
export { type ShcVerifyOptions, verifyShc } from './verify.js';
