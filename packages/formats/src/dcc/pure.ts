// The browser-safe modules of the EU DCC verifier, re-exported by `@passage/formats/pure`.

export { base64Of } from './base64.js';
export {
  assertZlibStream,
  type DecodedDcc,
  dccBase45Of,
  dccNotInflating,
  dccTooLarge,
  decodedDccOf,
} from './decode-core.js';
export { DCC_LIMITS } from './limits.js';
export { DCC_PREFIX, isDccText } from './prefix.js';
export {
  type DccClock,
  dccDecodingReport,
  dccReport,
  dccSignerContext,
  startDccVerification,
} from './report.js';
export { DCC_ALGORITHMS } from './sig-structure.js';
export {
  type DccSignerFacts,
  type DccSignerLookup,
  dccSignerLookup,
  finishSignerCheck,
  type SignerOutcome,
  startSignerCheck,
} from './signer.js';
export { type DccTrustEntry, dccTrustEntrySchema } from './trust-entry.js';
