export {
  MAX_BUNDLE_BYTES,
  type OfflineBundle,
  offlineBundleSchema,
  parseBundle,
  readBundle,
} from './bundle/bundle.js';
export { type BundleExportInput, type BundleExportResult, exportBundle } from './bundle/export.js';
export {
  type RunningVerifierCluster,
  startVerifierCluster,
  type VerifierClusterOptions,
} from './cluster.js';
export { loadVerifierConfig, repoRoot, type VerifierConfig } from './config.js';
export {
  type BundleLoadReport,
  createVerifierData,
  type DataSources,
  type VerifierData,
  type VerifierDataOptions,
} from './data.js';
export { STATUS_BY_CODE, VerifierError, type VerifierErrorCode } from './errors.js';
export {
  createVerifierApp,
  createVerifierHttp,
  type VerifierAppDeps,
  type VerifierHttp,
} from './http/app.js';
export { type KeyBindingAsk, keyBindingAsked } from './key-binding.js';
export { readOperatorKeys } from './operator-key.js';
export { fetchJson, fetchText, RemoteError, type RemoteOptions } from './remote.js';
export type { DocumentInfo, DocumentOrigin, LoadResult } from './signed-source.js';
export { type DataLogger, openVerifierData, type RunningVerifier, startVerifierServer } from './start.js';
export {
  type TrustListInfo,
  type TrustListSource,
  type TrustListSourceOptions,
  trustListSource,
} from './trust-list-source.js';
export {
  type FileTrustSourceOptions,
  fileTrustSource,
  loadTrustFile,
  parseTrustFile,
  staticTrustSource,
  type TrustSource,
} from './trust-source.js';
export { type VerifierAnswer, verifyForOfficer } from './verify-service.js';
