export { loadVerifierConfig, repoRoot, type VerifierConfig } from './config.js';
export { STATUS_BY_CODE, VerifierError, type VerifierErrorCode } from './errors.js';
export { createVerifierApp, type VerifierAppDeps } from './http/app.js';
export { type RunningVerifier, startVerifierServer } from './start.js';
export {
  type FileTrustSourceOptions,
  fileTrustSource,
  loadTrustFile,
  parseTrustFile,
  staticTrustSource,
  type TrustSource,
} from './trust-source.js';
export { type VerifierAnswer, verifyForOfficer } from './verify-service.js';
