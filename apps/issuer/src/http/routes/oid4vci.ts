import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import QRCode from 'qrcode';
import { IssuerError } from '../../errors.js';
import type { IssuerService } from '../../service/issuer-service.js';
import { OAuthError, type OfferView } from '../../service/oid4vci/index.js';
import { callerOf, requireApiKey } from '../auth.js';

/** The offer QR: byte mode (the URI is not QR-alphanumeric), error correction M for a dense URI. */
function offerQrPng(offerUri: string): Promise<Buffer> {
  return QRCode.toBuffer(offerUri, { type: 'png', errorCorrectionLevel: 'M', scale: 6, margin: 4 });
}

function offerLinks(publicUrl: string, id: string) {
  const self = `${publicUrl}/v1/credential-offers/${id}`;
  return { self, png: `${self}/qr.png` };
}

function viewBody(publicUrl: string, view: OfferView): Record<string, unknown> {
  return {
    id: view.id,
    type: view.type,
    credentialConfigurationId: view.configurationId,
    state: view.state,
    offerUri: view.offerUri,
    qr: view.offerUri,
    createdAt: view.createdAt.toISOString(),
    expiresAt: view.expiresAt.toISOString(),
    ...(view.credentialId === undefined ? {} : { credentialId: view.credentialId }),
    links: offerLinks(publicUrl, view.id),
  };
}

/** Runs an OAuth endpoint: an {@link OAuthError} is answered as RFC 6749 JSON, never as a problem. */
function oauthEndpoint(handler: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.json(await handler(req, res));
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      if (error.error === 'invalid_token') {
        res.setHeader('WWW-Authenticate', `Bearer error="invalid_token"`);
      }
      res.status(error.status).json(error.body());
    }
  };
}

function requestHeaders(req: Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return headers;
}

/** Options of {@link oid4vciRoutes}. */
export interface Oid4vciRoutesOptions {
  /** The traveller wallet's page: a created offer also answers `walletUrl`, a link that redeems it. */
  walletUrl?: string;
}

/** The wallet page opened on an offer: it starts redeeming from its own URL query. */
export function walletLink(walletUrl: string, offerUri: string): string {
  const url = new URL(walletUrl);
  for (const [name, value] of new URL(offerUri).searchParams) {
    if (name === 'credential_offer' || name === 'credential_offer_uri') url.searchParams.set(name, value);
  }
  return url.href;
}

/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow: the metadata documents,
 * `POST /token`, `POST /nonce`, `POST /credential` (OAuth JSON errors), and the authority's
 * `POST /v1/credential-offers` with its offers' views and QR images (API key, problem documents).
 */
export function oid4vciRoutes(service: IssuerService, options: Oid4vciRoutesOptions = {}): Router {
  const router = Router();
  const oid4vci = service.oid4vci;
  const auth = requireApiKey(service);
  router.get('/.well-known/openid-credential-issuer', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(oid4vci.issuerMetadata());
  });
  router.get('/.well-known/oauth-authorization-server', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(oid4vci.authorizationServerMetadata());
  });
  router.post(
    '/token',
    express.urlencoded({ extended: false, limit: '8kb' }),
    oauthEndpoint((req) =>
      oid4vci.token(req.body ?? {}, { headers: requestHeaders(req), url: `${service.publicUrl}/token` }),
    ),
  );
  router.post(
    '/nonce',
    oauthEndpoint(() => oid4vci.nonce()),
  );
  router.post(
    '/credential',
    oauthEndpoint((req) => oid4vci.credential(req.get('authorization'), req.body ?? {})),
  );

  router.post('/v1/credential-offers', auth, async (req, res) => {
    if (!req.is('application/json')) {
      throw new IssuerError('UNSUPPORTED_MEDIA_TYPE', 'send the request as application/json');
    }
    const created = await oid4vci.createOffer(callerOf(res), req.body);
    const links = offerLinks(service.publicUrl, created.id);
    res.setHeader('Cache-Control', 'no-store');
    res
      .status(201)
      .location(links.self)
      .json({
        id: created.id,
        offerUri: created.offerUri,
        qr: created.offerUri,
        links,
        expiresAt: created.expiresAt.toISOString(),
        ...(created.txCode === undefined ? {} : { txCode: created.txCode }),
        ...(options.walletUrl === undefined
          ? {}
          : { walletUrl: walletLink(options.walletUrl, created.offerUri) }),
      });
  });
  router.get('/v1/credential-offers/:id', auth, async (req, res) => {
    const view = await oid4vci.offer(callerOf(res), String(req.params.id));
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(viewBody(service.publicUrl, view));
  });
  router.get('/v1/credential-offers/:id/qr.png', auth, async (req, res) => {
    const view = await oid4vci.offer(callerOf(res), String(req.params.id));
    res.setHeader('Cache-Control', 'private, no-store');
    res.type('image/png').send(await offerQrPng(view.offerUri));
  });
  return router;
}
