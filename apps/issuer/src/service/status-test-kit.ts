import { createMemoryStores, createPassageAgent } from '@passage/credentials';
import { exampleVaccinationInput } from '@passage/schema';
import { createSecretBox, type IssuerDatabase } from '../db/index.js';
import { openMigrated } from '../db/test-db.js';
import type { Caller, IssuerContext } from './context.js';
import { createIssuerService, type IssuerService } from './issuer-service.js';

/** Test helper: a service over an in-memory database, with its context for reading the tables. */
export interface StatusTestIssuer {
  ctx: IssuerContext;
  service: IssuerService;
  caller: Caller;
  database: IssuerDatabase;
}

/** Test helper: an issuer whose lists hold `listSize` entries, with one vaccination authority. */
export async function statusTestIssuer(listSize: number): Promise<StatusTestIssuer> {
  const database = await openMigrated();
  const { agent } = createPassageAgent(createMemoryStores());
  const ctx: IssuerContext = {
    db: database.db,
    agent,
    box: createSecretBox('abcdefghijklmnopqrstuvwxyz0123456789'),
    publicUrl: 'https://issuer.example',
    clock: () => new Date(),
    status: { ttlMs: 300_000, listSize },
    pdfFonts: [],
  };
  const service = createIssuerService(ctx);
  await service.createAuthority({ name: 'Health', economy: 'THA', types: ['VaccinationCertificate'] });
  const caller = await service.actAs(undefined, 'VaccinationCertificate');
  return { ctx, service, caller, database };
}

/** Test helper: the `credentialStatus` entries of a compact JWS's payload. */
export function statusEntriesOf(
  jws: string,
): { statusPurpose: string; statusListIndex: string; statusListCredential: string }[] {
  const payload = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return payload.credentialStatus;
}

/** Test helper: the example vaccination certificate input. */
export const vaccination = exampleVaccinationInput;
