import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_STATUS_LIST_BYTES, MIN_STATUS_LIST_SIZE } from '@passage/credentials';
import { commonEnvShape, configIssues, findRepoRoot } from '@passage/service-kit';
import { z } from 'zod';
import { IssuerError } from './errors.js';
import { extraFontFiles, fontFileProblem } from './service/certificate/font-files.js';

/** Settings of the issuer service and of the CLI commands that share its database. */
export interface IssuerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  secret: string;
  /** Where the issuer is reached from outside; authority DIDs (did:web) are built from it. */
  publicUrl: string;
  logLevel: string;
  /** True when the secret was generated into the data folder (development only). */
  secretGenerated: boolean;
  /** How long verifiers may cache a status list, in milliseconds (the list's `ttl`). */
  statusTtlMs: number;
  /** Entries in each new status list: at least 131072 (herd privacy), a multiple of 8. */
  statusListSize: number;
  /** The operator's signed trust list, served at GET /trust-list. */
  trustListFile: string;
  /** The operator's signed entry rules, served at GET /entry-rules. */
  entryRulesFile: string;
  /** The traveller wallet's page: offers then also answer a link to it that redeems them. */
  walletUrl?: string;
  /** HTTP processes sharing the port and the SQLite file (node:cluster); 1 serves from the starting process. */
  workers: number;
  /** Font files printed certificates try after the bundled ones (PASSAGE_PDF_FONTS, else system CJK fonts). */
  pdfFonts: string[];
}

const envSchema = z.object({
  ...commonEnvShape,
  PASSAGE_ISSUER_PORT: z.coerce.number().int().min(0).max(65_535).default(4001),
  PASSAGE_DATABASE_URL: z.string().min(1).optional(),
  PASSAGE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PASSAGE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  NODE_ENV: z.string().optional(),
  PASSAGE_STATUS_TTL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  PASSAGE_STATUS_LIST_SIZE: z.coerce
    .number()
    .int()
    .min(MIN_STATUS_LIST_SIZE)
    .max(MAX_STATUS_LIST_BYTES * 8)
    .refine((n) => n % 8 === 0, 'must be a multiple of 8')
    .default(MIN_STATUS_LIST_SIZE),
  PASSAGE_TRUST_LIST_FILE: z.string().min(1).optional(),
  PASSAGE_ENTRY_RULES_FILE: z.string().min(1).optional(),
  PASSAGE_WALLET_URL: z.url({ protocol: /^https?$/ }).optional(),
  PASSAGE_ISSUER_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  PASSAGE_PDF_FONTS: z.string().optional(),
});

/** The repository root (the folder holding pnpm-workspace.yaml), found from this file. */
export function repoRoot(): string {
  return findRepoRoot(dirname(fileURLToPath(import.meta.url)));
}

/** The development secret kept in the data folder, made on first use with owner-only permissions. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/**
 * The extra font files of printed certificates, each checked to be a font file (its first bytes), so
 * a wrong path stops the start rather than a certificate.
 *
 * @throws IssuerError `CONFIG_INVALID` naming each file that is missing or not a font
 */
function pdfFontFiles(setting: string | undefined): string[] {
  const files = extraFontFiles(setting);
  const details = files.flatMap((file) => {
    const problem = fontFileProblem(file);
    return problem === undefined ? [] : [{ path: 'PASSAGE_PDF_FONTS', message: `${file} ${problem}` }];
  });
  if (details.length > 0) {
    const why = details.map((d) => d.message).join('; ');
    throw new IssuerError('CONFIG_INVALID', `invalid configuration: PASSAGE_PDF_FONTS: ${why}`, details);
  }
  return files;
}

/**
 * Reads and validates the issuer's configuration from the environment. Without PASSAGE_SECRET a
 * secret is generated into the data folder, except in production, where it is required.
 *
 * @throws IssuerError `CONFIG_INVALID` naming each bad variable (a PDF font file that is missing or
 *   not a font too).
 */
export function loadIssuerConfig(env: NodeJS.ProcessEnv = process.env): IssuerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = configIssues(parsed.error);
    throw new IssuerError(
      'CONFIG_INVALID',
      `invalid configuration: ${details.map((d) => d.path).join(', ')}`,
      details,
    );
  }
  const e = parsed.data;
  if (e.PASSAGE_SECRET === undefined && e.NODE_ENV === 'production') {
    throw new IssuerError(
      'CONFIG_INVALID',
      'invalid configuration: PASSAGE_SECRET is required in production',
      [{ path: 'PASSAGE_SECRET', message: 'required in production' }],
    );
  }
  const dataDir = resolve(e.PASSAGE_DATA_DIR ?? join(repoRoot(), '.data'));
  const host = e.PASSAGE_HOST;
  return {
    port: e.PASSAGE_ISSUER_PORT,
    host,
    dataDir,
    databaseUrl: e.PASSAGE_DATABASE_URL ?? `sqlite:${join(dataDir, 'issuer.db')}`,
    secret: e.PASSAGE_SECRET ?? developmentSecret(dataDir),
    secretGenerated: e.PASSAGE_SECRET === undefined,
    publicUrl: (
      e.PASSAGE_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${e.PASSAGE_ISSUER_PORT}`
    ).replace(/\/$/, ''),
    logLevel: e.PASSAGE_LOG_LEVEL,
    statusTtlMs: e.PASSAGE_STATUS_TTL_MS,
    statusListSize: e.PASSAGE_STATUS_LIST_SIZE,
    trustListFile: resolve(e.PASSAGE_TRUST_LIST_FILE ?? join(dataDir, 'trust-list.json')),
    entryRulesFile: resolve(e.PASSAGE_ENTRY_RULES_FILE ?? join(dataDir, 'entry-rules.json')),
    ...(e.PASSAGE_WALLET_URL === undefined ? {} : { walletUrl: e.PASSAGE_WALLET_URL }),
    // One process per core: on 2 idle cores two served 1,120-1,230 issuances a second against 845-864
    // for one, p99 26-29 ms against 42-45 (bench:http, 2026-11-26), all on one SQLite file in WAL mode.
    workers: e.PASSAGE_ISSUER_WORKERS ?? Math.min(64, availableParallelism()),
    pdfFonts: pdfFontFiles(e.PASSAGE_PDF_FONTS),
  };
}
