import { createPassageAgent } from '@passage/credentials';
import type { IssuerConfig } from '../config.js';
import {
  createSecretBox,
  migrateToLatest,
  openDatabase,
  SqlDidStore,
  SqlKeyStore,
  SqlPrivateKeyStore,
} from '../db/index.js';
import { DEFAULT_STATUS_SETTINGS } from './context.js';
import { createIssuerService, type IssuerService } from './issuer-service.js';

/** An open issuer: the service and how to close its database. */
export interface OpenIssuer {
  service: IssuerService;
  close(): Promise<void>;
}

/**
 * Opens the database (running migrations), builds the Veramo agent over SQL stores whose private keys
 * are sealed under the configuration secret, and returns the issuer service.
 */
export async function openIssuer(
  config: Pick<IssuerConfig, 'databaseUrl' | 'secret' | 'publicUrl'> &
    Partial<Pick<IssuerConfig, 'statusTtlMs' | 'statusListSize' | 'pdfFonts'>>,
  clock: () => Date = () => new Date(),
): Promise<OpenIssuer> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    const box = createSecretBox(config.secret);
    const { agent } = createPassageAgent({
      keyStore: new SqlKeyStore(database.db),
      privateKeyStore: new SqlPrivateKeyStore(database.db, box),
      didStore: new SqlDidStore(database.db),
    });
    const status = {
      ttlMs: config.statusTtlMs ?? DEFAULT_STATUS_SETTINGS.ttlMs,
      listSize: config.statusListSize ?? DEFAULT_STATUS_SETTINGS.listSize,
    };
    const service = createIssuerService({
      db: database.db,
      agent,
      box,
      publicUrl: config.publicUrl,
      clock,
      status,
      pdfFonts: config.pdfFonts ?? [],
    });
    return { service, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
