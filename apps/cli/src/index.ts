export { runCli } from './cli.js';
export { CliError, type CliErrorCode, EXIT } from './errors.js';
export { type CliIo, processIo } from './io.js';
