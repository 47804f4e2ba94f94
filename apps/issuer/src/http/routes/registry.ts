import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parseRuleSet } from '@passage/rules';
import { parseTrustList, trustListJsonSchema } from '@passage/trust';
import { type Request, type Response, Router } from 'express';
import { IssuerError } from '../../errors.js';

/** Where the operator's signed documents are published from; an unset file is answered 404. */
export interface RegistryFiles {
  /** The signed trust list (`PASSAGE_TRUST_LIST_FILE`). */
  trustListFile?: string | undefined;
  /** The signed entry rules (`PASSAGE_ENTRY_RULES_FILE`). */
  entryRulesFile?: string | undefined;
}

/** A published file as served: its bytes and their strong ETag. */
interface Published {
  body: Buffer;
  etag: string;
}

/**
 * Serves a signed document from a file the operator replaces (the CLI writes through a rename). The
 * file is read again only when its size or mtime changes; a file that is not a signed document of
 * the expected kind (a draft, a broken edit) is not served.
 */
function publishedFile(path: string | undefined, check: (doc: unknown) => void) {
  let held: { key: string; published: Published | undefined } | undefined;
  return async (): Promise<Published | undefined> => {
    if (path === undefined) return undefined;
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const key = `${info.ino}:${info.size}:${info.mtimeMs}`;
    if (held?.key === key) return held.published;
    let published: Published | undefined;
    try {
      const body = await readFile(path);
      check(JSON.parse(body.toString('utf8')));
      published = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
    } catch {
      published = undefined;
    }
    held = { key, published };
    return published;
  };
}

function send(req: Request, res: Response, published: Published, type: string): void {
  res.setHeader('ETag', published.etag);
  res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type(type).send(published.body);
}

function requireSigned(doc: unknown): void {
  if (typeof doc !== 'object' || doc === null || !('proof' in doc)) throw new TypeError('not signed');
}

/**
 * What an operator publishes beside the issuer: the signed trust list (`GET /trust-list`), its JSON
 * Schema (`GET /trust-list/schema.json`) and the signed entry rules (`GET /entry-rules`), with
 * `ETag` and `Cache-Control` so verifiers refresh cheaply. The signatures are checked by verifiers
 * against their pinned operator key; this only refuses to serve what is not a signed document.
 */
export function registryRoutes(options: RegistryFiles & { publicUrl: string }): Router {
  const router = Router();
  const trustList = publishedFile(options.trustListFile, (doc) => void parseTrustList(doc));
  const entryRules = publishedFile(options.entryRulesFile, (doc) => {
    requireSigned(doc);
    parseRuleSet(doc);
  });
  const schemaId = `${options.publicUrl}/trust-list/schema.json`;
  const schemaBody = Buffer.from(JSON.stringify({ ...trustListJsonSchema, $id: schemaId }));
  const schema: Published = {
    body: schemaBody,
    etag: `"${createHash('sha256').update(schemaBody).digest('base64url')}"`,
  };

  router.get('/trust-list', async (req, res) => {
    const published = await trustList();
    if (!published) throw new IssuerError('NOT_FOUND', 'no signed trust list is published');
    send(req, res, published, 'application/json');
  });
  router.get('/trust-list/schema.json', (req, res) => {
    send(req, res, schema, 'application/schema+json');
  });
  router.get('/entry-rules', async (req, res) => {
    const published = await entryRules();
    if (!published) throw new IssuerError('NOT_FOUND', 'no signed entry rules are published');
    send(req, res, published, 'application/json');
  });
  return router;
}
