import { renderQrPng, renderQrSvg } from '@passage/credentials';
import { Router } from 'express';
import type { IssuerService } from '../../service/issuer-service.js';
import { callerOf, requireApiKey } from '../auth.js';
import { credentialIdFromPath, issuedBody } from '../representation.js';

/** An authority's own credentials and their QR images. Another authority's credential is 404. */
export function credentialRoutes(service: IssuerService): Router {
  const router = Router();
  router.use('/v1/credentials', requireApiKey(service));
  router.get('/v1/credentials/:id', async (req, res) => {
    const issued = await service.getCredential(callerOf(res), credentialIdFromPath(req.params.id));
    res.locals.credentialId = issued.id;
    res.json(issuedBody(service.publicUrl, issued));
  });
  router.get('/v1/credentials/:id/qr.png', async (req, res) => {
    const issued = await service.getCredential(callerOf(res), credentialIdFromPath(req.params.id));
    res.locals.credentialId = issued.id;
    res.setHeader('Cache-Control', 'private, no-store');
    res.type('image/png').send(await renderQrPng(issued.qr, { scale: 6 }));
  });
  router.get('/v1/credentials/:id/qr.svg', async (req, res) => {
    const issued = await service.getCredential(callerOf(res), credentialIdFromPath(req.params.id));
    res.locals.credentialId = issued.id;
    res.setHeader('Cache-Control', 'private, no-store');
    res.type('image/svg+xml').send(await renderQrSvg(issued.qr));
  });
  return router;
}
