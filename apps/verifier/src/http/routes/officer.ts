import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import type { VerifierData } from '../../data.js';
import { sendProblem } from '../problem.js';

/** The page's folder: `build.ts`, its sources and the built `dist/` (not committed). */
const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web');

/** Where the officer's page comes from; tests and a packaged service may point elsewhere. */
export interface OfficerRoutesOptions {
  /** The folder holding `build.ts` and `dist/`. Default: `apps/verifier/web`. */
  webDir?: string;
}

// One build check per process and folder, shared by every app the process creates.
const builds = new Map<string, Promise<void>>();

/** Runs `web/build.ts --if-stale` once (it exits at once when dist/ is newer than every source). */
function ensurePage(webDir: string): Promise<void> {
  let pending = builds.get(webDir);
  if (!pending) {
    pending = new Promise<void>((done, fail) => {
      const child = spawn(
        process.execPath,
        ['--conditions=@passage/source', '--import', 'tsx', join(webDir, 'build.ts'), '--if-stale'],
        { cwd: webDir, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      child.once('error', fail);
      child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`page build exited ${code}`))));
    }).catch((error: unknown) => {
      builds.delete(webDir);
      // A packaged service has dist/ and no sources or tsx: serve what was built.
      if (!existsSync(join(webDir, 'dist', 'index.html'))) throw error;
    });
    builds.set(webDir, pending);
  }
  return pending;
}

/**
 * The border officer's page at `/officer/` (built on first request when `dist/` is missing or older
 * than its sources), and what it needs to verify offline: `GET /v1/bundle`, the data the verifier
 * holds as an offline bundle, and `GET /v1/operator-keys`, the pinned keys that bundle must verify
 * against. Both are `no-cache`: the page revalidates them whenever it is online.
 */
export function officerRoutes(data: VerifierData, options: OfficerRoutesOptions = {}): Router {
  const webDir = options.webDir ?? WEB_DIR;
  const router = express.Router();

  router.get('/v1/bundle', (_req, res) => {
    const bundle = data.exportBundle();
    if (!bundle) return sendProblem(res, 'NOT_FOUND', 'the verifier holds no signed trust list to bundle');
    // The tag covers the content, not the creation time, so an unchanged bundle answers 304.
    const { createdAt: _createdAt, ...content } = bundle;
    const tag = createHash('sha256').update(JSON.stringify(content)).digest('base64url');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', `"${tag}"`);
    res.json(bundle);
  });

  router.get('/v1/operator-keys', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ keys: data.operatorKeys() });
  });

  router.use(
    '/officer',
    async (_req, res, next) => {
      try {
        await ensurePage(webDir);
        next();
      } catch {
        sendProblem(res, 'INTERNAL', 'the officer page could not be built');
      }
    },
    express.static(join(webDir, 'dist'), {
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
