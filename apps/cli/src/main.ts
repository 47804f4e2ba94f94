import { runCli } from './cli.js';
import { processIo } from './io.js';

// Entry point of the `passage` command: `pnpm passage <command> ...` from the repository root.
process.exitCode = await runCli(process.argv.slice(2), processIo());
