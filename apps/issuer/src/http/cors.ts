import type { RequestHandler } from 'express';

/**
 * What a wallet or a verifier reads from a web page on another origin: the OpenID4VCI endpoints
 * (metadata, token, nonce, credential), the status lists and the DID documents. The authority's
 * API-key endpoints are not here: a browser page on another origin never calls them.
 */
export const PUBLIC_CORS_PATHS = [
  '/.well-known/openid-credential-issuer',
  '/.well-known/oauth-authorization-server',
  '/.well-known/did.json',
  '/authorities/:slug/did.json',
  '/token',
  '/nonce',
  '/credential',
  '/status-lists',
];

/**
 * CORS for {@link PUBLIC_CORS_PATHS}: any origin, no cookies (the access token travels in the
 * Authorization header, which `*` allows without credentials mode), preflight answered here with 204.
 */
export const publicCors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate, ETag');
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, DPoP');
  res.setHeader('Access-Control-Max-Age', '600');
  res.status(204).end();
};
