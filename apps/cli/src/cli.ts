import { authorityCommand, authorityUsage } from './commands/authority.js';
import { bundleCommand, bundleUsage } from './commands/bundle.js';
import { credentialCommand, credentialUsage } from './commands/credential.js';
import { issueCommand, issueUsage } from './commands/issue.js';
import { qrCommand, qrUsage } from './commands/qr.js';
import { rulesCommand, rulesUsage } from './commands/rules.js';
import { signCommand, signUsage } from './commands/sign.js';
import { trustListCommand, trustListUsage } from './commands/trust-list.js';
import { verifyCommand, verifyUsage } from './commands/verify.js';
import { CliError, EXIT } from './errors.js';
import type { CliIo } from './io.js';

const usage = [
  'usage:',
  `  ${authorityUsage}`,
  `  ${issueUsage}`,
  `  ${credentialUsage}`,
  `  ${verifyUsage}`,
  `  ${signUsage}`,
  `  ${qrUsage}`,
  `  ${rulesUsage}`,
  `  ${trustListUsage}`,
  `  ${bundleUsage}`,
].join('\n');

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  authority: authorityCommand,
  issue: issueCommand,
  credential: credentialCommand,
  verify: verifyCommand,
  sign: signCommand,
  qr: qrCommand,
  rules: rulesCommand,
  'trust-list': trustListCommand,
  bundle: bundleCommand,
};

/**
 * Runs one `passage` command and returns its exit status: 0 done or verified, 1 not verified, 2 usage or
 * input error. Errors are printed as one line with their code; nothing here calls `process.exit`.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(`${usage}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`passage: unknown command '${name}'\n${usage}\n`);
    return EXIT.usage;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    io.stderr(`passage: ${describe(error)}\n`);
    return EXIT.usage;
  }
}

function describe(error: unknown): string {
  if (error instanceof CliError) return `${error.code}: ${error.message}`;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return `${error.code}: ${error.message}`;
  }
  if (error instanceof Error && error.name === 'TypeError' && /argument|option/i.test(error.message)) {
    return `USAGE: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
