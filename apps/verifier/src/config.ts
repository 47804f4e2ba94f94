import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STATUS_MAX_STALE_SEC } from '@passage/credentials';
import { commonEnvShape, configIssues, findRepoRoot } from '@passage/service-kit';
import { z } from 'zod';
import { VerifierError } from './errors.js';

/** Settings of the verifier service, read from the environment once at start. */
export interface VerifierConfig {
  port: number;
  host: string;
  dataDir: string;
  trustFile: string;
  clockToleranceSec: number;
  /** How old a status list's last good copy may be and still be used, in seconds. */
  statusMaxStaleSec: number;
  logLevel: string;
}

const envSchema = z.object({
  ...commonEnvShape,
  PASSAGE_VERIFIER_PORT: z.coerce.number().int().min(0).max(65_535).default(4002),
  PASSAGE_TRUST_FILE: z.string().min(1).optional(),
  PASSAGE_CLOCK_TOLERANCE_SEC: z.coerce.number().int().min(0).max(3600).default(60),
  PASSAGE_STATUS_MAX_STALE_SEC: z.coerce.number().int().min(0).default(DEFAULT_STATUS_MAX_STALE_SEC),
});

/** The repository root (the folder holding pnpm-workspace.yaml), found from this file. */
export function repoRoot(): string {
  return findRepoRoot(dirname(fileURLToPath(import.meta.url)));
}

/**
 * Reads and validates the verifier's configuration.
 *
 * @throws VerifierError `CONFIG_INVALID` naming each bad variable.
 */
export function loadVerifierConfig(env: NodeJS.ProcessEnv = process.env): VerifierConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = configIssues(parsed.error);
    const names = details.map((d) => d.path).join(', ');
    throw new VerifierError('CONFIG_INVALID', `invalid configuration: ${names}`, details);
  }
  const e = parsed.data;
  const dataDir = resolve(e.PASSAGE_DATA_DIR ?? join(repoRoot(), '.data'));
  return {
    port: e.PASSAGE_VERIFIER_PORT,
    host: e.PASSAGE_HOST,
    dataDir,
    trustFile: resolve(e.PASSAGE_TRUST_FILE ?? join(dataDir, 'trust.json')),
    clockToleranceSec: e.PASSAGE_CLOCK_TOLERANCE_SEC,
    statusMaxStaleSec: e.PASSAGE_STATUS_MAX_STALE_SEC,
    logLevel: e.PASSAGE_LOG_LEVEL,
  };
}
