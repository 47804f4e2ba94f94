import type { RequestHandler } from 'express';

/**
 * The security headers of Passage's pages (the officer's page, the wallet): each runs only its own
 * scripts and the QR decoder's wasm (no eval, no inline script), loads nothing from elsewhere, is never
 * framed (a verdict or a QR cannot be overlaid), and submits no form natively. `connectSrc` says
 * whom the page may talk to besides its own origin.
 *
 * @example
 * router.use('/officer', pageSecurityHeaders());
 * app.use(pageSecurityHeaders(['https:', 'http://127.0.0.1:*']));
 */
export function pageSecurityHeaders(connectSrc: readonly string[] = []): RequestHandler {
  const policy = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    ["connect-src 'self'", ...connectSrc].join(' '),
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  };
}
