export { loggedText, requestIdOf, sendJson } from './answer.js';
export { type BuiltPageOptions, builtPage } from './built-page.js';
export { commonEnvShape, configIssues, findRepoRoot } from './config.js';
export { serviceLogger } from './logger.js';
export { buildPage, isStale, newestMtime, type PageBuild, runPageBuildScript } from './page-build.js';
export { pageSecurityHeaders } from './page-security.js';
export { bodyParserProblem, type ProblemDetail, type ProblemDocument, problemDocument } from './problem.js';
export { runServer } from './run-server.js';
export { type AheadHandler, aheadErrors, type ServeAheadOptions, serveAhead } from './serve-ahead.js';
export {
  type PoolLogger,
  type RunningWorkerPool,
  startWorkerPool,
  type WorkerPoolOptions,
} from './worker-pool.js';
