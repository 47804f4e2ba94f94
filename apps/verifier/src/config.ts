import { availableParallelism } from 'node:os';
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
  /** The operator's public key(s) that trust lists and entry rules must be signed with (pinned). */
  operatorKey?: string;
  /** Where the signed trust list is fetched from; refreshed every `refreshSec`. */
  trustListUrl?: string;
  /** A signed trust list file, read at start and on every refresh. */
  trustListFile?: string;
  entryRulesUrl?: string;
  entryRulesFile?: string;
  /** An offline bundle to start from. */
  bundleFile?: string;
  /** True: never use the network (bundle and files only). */
  offline: boolean;
  refreshSec: number;
  /** Processes serving requests (node:cluster); 1 serves from the starting process itself. */
  workers: number;
}

const envSchema = z.object({
  ...commonEnvShape,
  PASSAGE_VERIFIER_PORT: z.coerce.number().int().min(0).max(65_535).default(4002),
  PASSAGE_TRUST_FILE: z.string().min(1).optional(),
  PASSAGE_CLOCK_TOLERANCE_SEC: z.coerce.number().int().min(0).max(3600).default(60),
  PASSAGE_STATUS_MAX_STALE_SEC: z.coerce.number().int().min(0).default(DEFAULT_STATUS_MAX_STALE_SEC),
  PASSAGE_OPERATOR_KEY: z.string().min(1).optional(),
  PASSAGE_TRUST_LIST_URL: z.url({ protocol: /^https?$/ }).optional(),
  PASSAGE_TRUST_LIST_FILE: z.string().min(1).optional(),
  PASSAGE_ENTRY_RULES_URL: z.url({ protocol: /^https?$/ }).optional(),
  PASSAGE_ENTRY_RULES_FILE: z.string().min(1).optional(),
  PASSAGE_BUNDLE: z.string().min(1).optional(),
  PASSAGE_OFFLINE: z.enum(['true', 'false', '1', '0']).default('false'),
  PASSAGE_REFRESH_SEC: z.coerce.number().int().min(1).max(86_400).default(300),
  PASSAGE_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
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
  const signed = e.PASSAGE_TRUST_LIST_URL ?? e.PASSAGE_TRUST_LIST_FILE ?? e.PASSAGE_BUNDLE;
  if (signed !== undefined && e.PASSAGE_OPERATOR_KEY === undefined) {
    throw new VerifierError(
      'CONFIG_INVALID',
      'invalid configuration: PASSAGE_OPERATOR_KEY (a signed trust list or bundle needs the pinned operator key)',
      [{ path: 'PASSAGE_OPERATOR_KEY', message: 'required with a trust list URL, file or bundle' }],
    );
  }
  const dataDir = resolve(e.PASSAGE_DATA_DIR ?? join(repoRoot(), '.data'));
  return {
    port: e.PASSAGE_VERIFIER_PORT,
    host: e.PASSAGE_HOST,
    dataDir,
    trustFile: resolve(e.PASSAGE_TRUST_FILE ?? join(dataDir, 'trust.json')),
    clockToleranceSec: e.PASSAGE_CLOCK_TOLERANCE_SEC,
    statusMaxStaleSec: e.PASSAGE_STATUS_MAX_STALE_SEC,
    logLevel: e.PASSAGE_LOG_LEVEL,
    ...optional('operatorKey', e.PASSAGE_OPERATOR_KEY),
    ...optional('trustListUrl', e.PASSAGE_TRUST_LIST_URL),
    ...optional('trustListFile', e.PASSAGE_TRUST_LIST_FILE && resolve(e.PASSAGE_TRUST_LIST_FILE)),
    ...optional('entryRulesUrl', e.PASSAGE_ENTRY_RULES_URL),
    ...optional('entryRulesFile', e.PASSAGE_ENTRY_RULES_FILE && resolve(e.PASSAGE_ENTRY_RULES_FILE)),
    ...optional('bundleFile', e.PASSAGE_BUNDLE && resolve(e.PASSAGE_BUNDLE)),
    offline: e.PASSAGE_OFFLINE === 'true' || e.PASSAGE_OFFLINE === '1',
    refreshSec: e.PASSAGE_REFRESH_SEC,
    workers: e.PASSAGE_WORKERS ?? availableParallelism(),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
