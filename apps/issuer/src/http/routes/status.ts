import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { StatusAction } from '../../db/index.js';
import { IssuerError } from '../../errors.js';
import type { IssuerService } from '../../service/issuer-service.js';
import type { CredentialStatusView } from '../../service/status.js';
import { callerOf, requireApiKey } from '../auth.js';
import { credentialIdFromPath } from '../representation.js';

const ACTIONS: readonly StatusAction[] = ['revoke', 'suspend', 'reinstate'];

/** The API key check, unless an earlier router already ran it for this request. */
function authOnce(service: IssuerService): RequestHandler {
  const check = requireApiKey(service);
  return (req, res, next) => (res.locals.caller ? next() : check(req, res, next));
}

/** A body is optional; when there is one it must be JSON. */
function optionalJson(req: Request): unknown {
  const length = req.get('content-length');
  const empty = length === undefined ? req.get('transfer-encoding') === undefined : Number(length) === 0;
  if (!empty && !req.is(['application/json', 'application/*+json'])) {
    throw new IssuerError('UNSUPPORTED_MEDIA_TYPE', 'send the request as application/json');
  }
  return req.body ?? {};
}

function statusBody(status: CredentialStatusView): Record<string, unknown> {
  return { id: status.id, status: status.status, changedAt: status.changedAt.toISOString() };
}

function sendStatusList(service: IssuerService): RequestHandler {
  return async (req: Request, res: Response) => {
    const list = await service.statusList(String(req.params.id));
    if (!list) throw new IssuerError('NOT_FOUND', 'no such status list');
    const wanted = req.accepts(['application/vc+jwt', 'application/vc', 'application/json']);
    const json = wanted === 'application/vc' || wanted === 'application/json';
    const tag = json ? list.etags.json : list.etags.jws;
    res.setHeader('ETag', tag);
    res.setHeader('Cache-Control', `public, max-age=${Math.floor(list.ttlMs / 1000)}`);
    res.setHeader('Vary', 'Accept');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag');
    const presented = req.get('if-none-match');
    // If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix does not matter.
    if (presented?.split(',').some((t) => [tag, '*'].includes(t.trim().replace(/^W\//, '')))) {
      res.status(304).end();
      return;
    }
    res.type(json ? wanted : 'application/vc+jwt').send(Buffer.from(json ? list.json : list.jws));
  };
}

/**
 * Status lists (public: `GET /status-lists`, `GET /status-lists/{id}`) and an authority's status
 * changes: `POST /v1/credentials/{id}/revoke|suspend|reinstate`, `GET /v1/credentials/{id}/status`,
 * VC-API `POST /credentials/status` and `GET /v1/audit`.
 */
export function statusRoutes(service: IssuerService): Router {
  const router = Router();
  const auth = authOnce(service);
  router.get('/status-lists', async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.json(await service.statusLists());
  });
  router.get('/status-lists/:id', sendStatusList(service));
  // VC-API test suites ask an issuer to publish a list after a change. Passage re-signs a list as
  // soon as it changes, so this only confirms the list exists and its latest version is signed.
  router.post('/status-lists/:id/publish', auth, async (req, res) => {
    if (!(await service.statusList(String(req.params.id))))
      throw new IssuerError('NOT_FOUND', 'no such status list');
    res.status(204).end();
  });
  for (const action of ACTIONS) {
    router.post(`/v1/credentials/:id/${action}`, auth, async (req, res) => {
      const body = optionalJson(req);
      const id = credentialIdFromPath(String(req.params.id));
      res.locals.credentialId = id;
      res.json(statusBody(await service.changeStatus(callerOf(res), id, action, body)));
    });
  }
  router.get('/v1/credentials/:id/status', auth, async (req, res) => {
    const id = credentialIdFromPath(String(req.params.id));
    res.locals.credentialId = id;
    res.json(statusBody(await service.credentialStatus(callerOf(res), id)));
  });
  router.post('/credentials/status', auth, async (req, res) => {
    const status = await service.updateStatusVcApi(callerOf(res), optionalJson(req));
    res.locals.credentialId = status.id;
    res.json(statusBody(status));
  });
  router.get('/v1/audit', auth, async (req, res) => {
    const { credentialId } = req.query;
    if (credentialId !== undefined && (typeof credentialId !== 'string' || credentialId.length > 200)) {
      throw new IssuerError('MALFORMED_INPUT', 'credentialId is one credential id');
    }
    const entries = await service.auditLog(callerOf(res), credentialId);
    res.json({
      entries: entries.map((e) => ({
        at: e.at.toISOString(),
        actor: e.actor,
        credentialId: e.credentialId,
        action: e.action,
        purpose: e.purpose,
        previousState: e.previousState,
        newState: e.newState,
        ...(e.reason === undefined ? {} : { reason: e.reason }),
      })),
    });
  });
  return router;
}
