export type { CoseSign1 } from './cose.js';
export type { DccClaims } from './cwt.js';
export { DCC_PREFIX, type DecodedDcc, decodeDcc, isDccText } from './decode.js';
export type { DccType } from './key-usage.js';
export { DCC_LIMITS } from './limits.js';
export {
  createDccTrust,
  type DccSigner,
  type DccTrust,
  type DccTrustEntry,
  dccKidOf,
  dccTrustEntrySchema,
} from './trust.js';
export { type VerifyDccOptions, verifyDcc } from './verify.js';
