import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** The variables every Passage service reads. */
export const commonEnvShape = {
  PASSAGE_HOST: z.string().min(1).default('127.0.0.1'),
  PASSAGE_DATA_DIR: z.string().min(1).optional(),
  PASSAGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

/** The repository root: the nearest folder above `from` that holds pnpm-workspace.yaml (else the working directory). */
export function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** zod issues as `{path, message}` pairs naming each bad variable. */
export function configIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
