import { Router } from 'express';
import type { IssuerService } from '../../service/issuer-service.js';
import { callerOf, requireApiKey } from '../auth.js';
import { credentialIdFromPath, credentialPathId } from '../representation.js';

/** `GET /v1/credentials/{id}/certificate.pdf`: the printable A4 certificate of an authority's own credential. */
export function pdfRoutes(service: IssuerService): Router {
  const router = Router();
  router.get('/v1/credentials/:id/certificate.pdf', requireApiKey(service), async (req, res) => {
    const id = credentialIdFromPath(String(req.params.id));
    const pdf = await service.certificatePdf(callerOf(res), id);
    res.locals.credentialId = id;
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Disposition', `inline; filename="certificate-${credentialPathId(id)}.pdf"`);
    res.type('application/pdf').send(Buffer.from(pdf));
  });
  return router;
}
