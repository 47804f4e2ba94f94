import { commonEnvShape, configIssues } from '@passage/service-kit';
import { z } from 'zod';

/** Settings of the wallet's web server, read from the environment once at start. */
export interface WalletConfig {
  port: number;
  host: string;
  logLevel: string;
}

const envSchema = z.object({
  ...commonEnvShape,
  PASSAGE_WALLET_PORT: z.coerce.number().int().min(0).max(65_535).default(4003),
});

/** Thrown for a bad environment: `code` is stable, `details` name each bad variable. */
export class WalletConfigError extends Error {
  override readonly name = 'WalletConfigError';
  readonly code = 'CONFIG_INVALID';
  constructor(readonly details: { path: string; message: string }[]) {
    super(`invalid configuration: ${details.map((d) => d.path).join(', ')}`);
  }
}

/**
 * Reads and validates the wallet server's configuration.
 *
 * @throws WalletConfigError `CONFIG_INVALID` naming each bad variable.
 */
export function loadWalletConfig(env: NodeJS.ProcessEnv = process.env): WalletConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new WalletConfigError(configIssues(parsed.error));
  return {
    port: parsed.data.PASSAGE_WALLET_PORT,
    host: parsed.data.PASSAGE_HOST,
    logLevel: parsed.data.PASSAGE_LOG_LEVEL,
  };
}
