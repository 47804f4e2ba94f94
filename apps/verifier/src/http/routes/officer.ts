import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPage, pageSecurityHeaders } from '@passage/service-kit';
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

/**
 * The border officer's page at `/officer/` (built on first request when `dist/` is missing or older
 * than its sources), and what it needs to verify offline: `GET /v1/bundle`, the data the verifier
 * holds as an offline bundle, and `GET /v1/operator-keys`, the pinned keys that bundle must verify
 * against. Both are `no-cache`: the page revalidates them whenever it is online.
 */
export function officerRoutes(data: VerifierData, options: OfficerRoutesOptions = {}): Router {
  const webDir = options.webDir ?? WEB_DIR;
  const router = express.Router();

  router.get('/v1/bundle', async (_req, res) => {
    // Every trusted issuer's lists, brought up to date first (bounded), so the page can answer offline
    // for any credential, not only those this verifier has already seen.
    const bundle = await data.freshBundle();
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

  // The page talks only to this verifier, and verifies offline without eval (the DCC schema is
  // compiled ahead of time); whatever a scanned certificate holds is shown as text.
  router.use('/officer', pageSecurityHeaders());
  router.use(
    '/officer',
    ...builtPage({
      webDir,
      onBuildError: (res) => sendProblem(res, 'INTERNAL', 'the officer page could not be built'),
    }),
  );
  return router;
}
