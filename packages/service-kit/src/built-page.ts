import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, type Response } from 'express';

/** Where a browser page lives and what to answer when it cannot be built. */
export interface BuiltPageOptions {
  /** The folder holding `build.ts` (run with `--if-stale`) and the built `dist/`. */
  webDir: string;
  /** Answers a request when the build failed and there is no earlier `dist/` to serve. */
  onBuildError: (res: Response) => void;
}

// One build check per process and folder, shared by every app the process creates.
const builds = new Map<string, Promise<void>>();

/** Runs `build.ts --if-stale` once per folder (it exits at once when dist/ is newer than its sources). */
function ensureBuilt(webDir: string): Promise<void> {
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
 * The handlers that serve a browser page from `webDir/dist`, built on the first request when it is
 * missing or older than its sources. Files are `no-cache`: the page's service worker and the browser
 * revalidate them, so a new build shows at once.
 *
 * @example
 * router.use('/officer', ...builtPage({ webDir, onBuildError: (res) => res.status(500).end() }));
 */
export function builtPage(options: BuiltPageOptions): RequestHandler[] {
  const ensure: RequestHandler = async (_req, res, next) => {
    try {
      await ensureBuilt(options.webDir);
      next();
    } catch {
      options.onBuildError(res);
    }
  };
  const files = express.static(join(options.webDir, 'dist'), {
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  return [ensure, files];
}
