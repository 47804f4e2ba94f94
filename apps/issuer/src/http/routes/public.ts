import {
  BUNDLED_CONTEXTS,
  CREDENTIAL_TYPES,
  credentialJsonSchema,
  credentialSchemaPath,
  credentialTypeForSchemaFile,
  PASSAGE_CONTEXT_URL,
} from '@passage/schema';
import { Router } from 'express';
import { IssuerError } from '../../errors.js';
import type { IssuerService } from '../../service/issuer-service.js';

/** What verifiers and wallets read without a key: DID documents, JSON Schemas, the JSON-LD context, health. */
export function publicRoutes(service: IssuerService): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/authorities/:slug/did.json', async (req, res) => {
    const document = await service.didDocument(req.params.slug);
    if (!document) throw new IssuerError('NOT_FOUND', 'no such authority');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/did+json').json(document);
  });
  router.get('/.well-known/did.json', async (_req, res) => {
    const document = await service.didDocument();
    if (!document)
      throw new IssuerError(
        'NOT_FOUND',
        "no authority holds this host's DID: see /authorities/{slug}/did.json",
      );
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/did+json').json(document);
  });
  // What verifiers built for EU DCC and SMART Health Cards need: the DSC as a trust entry, and the JWKS
  // at `${iss}/.well-known/jwks.json` for the card issuer `iss` = `${publicUrl}/authorities/{slug}`.
  router.get('/authorities/:slug/dcc-trust.json', async (req, res) => {
    const entry = await service.dccTrustEntry(req.params.slug);
    if (!entry) throw new IssuerError('NOT_FOUND', 'this authority has no DCC signer certificate');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(entry);
  });
  router.get('/authorities/:slug/.well-known/jwks.json', async (req, res) => {
    const jwks = await service.shcJwks(req.params.slug);
    if (!jwks) throw new IssuerError('NOT_FOUND', 'this authority has no SMART Health Card key');
    res.setHeader('Cache-Control', 'public, max-age=300');
    // SMART Health Card verifiers fetch the JWKS from browsers too.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.json(jwks);
  });
  router.get('/schemas', (_req, res) => {
    res.json(
      CREDENTIAL_TYPES.map((type) => ({ type, url: `${service.publicUrl}/${credentialSchemaPath(type)}` })),
    );
  });
  router.get('/schemas/:file', (req, res) => {
    const type = credentialTypeForSchemaFile(req.params.file);
    if (!type) throw new IssuerError('NOT_FOUND', 'no such schema');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res
      .type('application/schema+json')
      .json(credentialJsonSchema(type, `${service.publicUrl}/${credentialSchemaPath(type)}`));
  });
  router.get('/contexts/v1', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('application/ld+json').json(BUNDLED_CONTEXTS.get(PASSAGE_CONTEXT_URL));
  });
  return router;
}
