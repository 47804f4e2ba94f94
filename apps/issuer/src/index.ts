export {
  type IssuerClusterOptions,
  type RunningIssuerCluster,
  startIssuerCluster,
} from './cluster.js';
export { type IssuerConfig, loadIssuerConfig, repoRoot } from './config.js';
export { IssuerError, type IssuerErrorCode, isIssuerError, STATUS_BY_CODE } from './errors.js';
export { createIssuerApp, createIssuerHttp, type IssuerAppDeps, type IssuerHttp } from './http/app.js';
export {
  type CreateAuthorityInput,
  type CreatedAuthority,
  createAuthorityInputSchema,
} from './service/authorities.js';
export type {
  BatchStreamItem,
  BatchStreamOptions,
  BatchStreamResult,
} from './service/batch/issue-stream.js';
export type { Caller } from './service/context.js';
export type { IssueOptions } from './service/issue-typed.js';
export { createIssuerService, type IssuerService } from './service/issuer-service.js';
export { type OpenIssuer, openIssuer } from './service/open.js';
export type { IssuedCredential } from './service/persist.js';
export { type RunningIssuer, startIssuerServer } from './start.js';
