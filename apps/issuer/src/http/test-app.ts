import { pino } from 'pino';
import type { IssuerConfig } from '../config.js';
import { type OpenIssuer, openIssuer } from '../service/open.js';
import { createIssuerHttp, type IssuerHttp } from './app.js';

/**
 * Test helper: an issuer over an in-memory database at `https://issuer.example`. `app` is the request
 * listener its server uses (single issuances ahead of express, the rest the express app's); `express`
 * is the app alone.
 */
export async function openTestApp(
  config: Partial<Pick<IssuerConfig, 'statusTtlMs' | 'statusListSize'>> = {},
): Promise<{
  issuer: OpenIssuer;
  app: IssuerHttp['listener'];
  express: IssuerHttp['app'];
  publicUrl: string;
}> {
  const publicUrl = 'https://issuer.example';
  const issuer = await openIssuer({
    databaseUrl: 'sqlite::memory:',
    secret: 'abcdefghijklmnopqrstuvwxyz0123456789',
    publicUrl,
    ...config,
  });
  const http = createIssuerHttp({ service: issuer.service, logger: pino({ level: 'silent' }) });
  return { issuer, app: http.listener, express: http.app, publicUrl };
}
