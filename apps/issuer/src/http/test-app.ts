import { pino } from 'pino';
import type { IssuerConfig } from '../config.js';
import { type OpenIssuer, openIssuer } from '../service/open.js';
import { createIssuerApp } from './app.js';

/** Test helper: an issuer over an in-memory database at `https://issuer.example`, and its app. */
export async function openTestApp(
  config: Partial<Pick<IssuerConfig, 'statusTtlMs' | 'statusListSize'>> = {},
): Promise<{ issuer: OpenIssuer; app: ReturnType<typeof createIssuerApp>; publicUrl: string }> {
  const publicUrl = 'https://issuer.example';
  const issuer = await openIssuer({
    databaseUrl: 'sqlite::memory:',
    secret: 'abcdefghijklmnopqrstuvwxyz0123456789',
    publicUrl,
    ...config,
  });
  const app = createIssuerApp({ service: issuer.service, logger: pino({ level: 'silent' }) });
  return { issuer, app, publicUrl };
}
