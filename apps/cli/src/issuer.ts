import { type IssuerService, loadIssuerConfig, openIssuer } from '@passage/issuer';
import type { CliIo } from './io.js';

/** Runs `work` against the issuer's database (configured from the environment) and always closes it. */
export async function withIssuer<T>(io: CliIo, work: (service: IssuerService) => Promise<T>): Promise<T> {
  const issuer = await openIssuer(loadIssuerConfig(io.env));
  try {
    return await work(issuer.service);
  } finally {
    await issuer.close();
  }
}
