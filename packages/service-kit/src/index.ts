export { commonEnvShape, configIssues, findRepoRoot } from './config.js';
export { bodyParserCode, type ProblemDetail, type ProblemDocument, problemDocument } from './problem.js';
export { runServer } from './run-server.js';
