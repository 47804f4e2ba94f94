export { commonEnvShape, configIssues, findRepoRoot } from './config.js';
export { bodyParserProblem, type ProblemDetail, type ProblemDocument, problemDocument } from './problem.js';
export { runServer } from './run-server.js';
