import type { PassageAgent } from '@passage/credentials';
import type { Kysely } from 'kysely';
import type { AuthorityRecord, IssuerTables, SecretBox } from '../db/index.js';

/** How status lists are made and published. */
export interface StatusSettings {
  /** How long verifiers may cache a status list, in milliseconds (its `ttl`). */
  ttlMs: number;
  /** Entries in a new generation's lists. Configuration keeps it at least 131072; tests go smaller. */
  listSize: number;
}

/** The defaults of {@link StatusSettings}: five minutes, and the spec's minimum size for herd privacy. */
export const DEFAULT_STATUS_SETTINGS: StatusSettings = { ttlMs: 300_000, listSize: 131_072 };

/** What the issuing functions work with; built once by `openIssuer`. */
export interface IssuerContext {
  db: Kysely<IssuerTables>;
  agent: PassageAgent;
  /** Seals what the database must not hold in clear (signed credentials carry personal data). */
  box: SecretBox;
  publicUrl: string;
  clock: () => Date;
  status: StatusSettings;
  /** Font files tried after the bundled ones on printed certificates (CJK, other scripts). */
  pdfFonts: readonly string[];
}

/** An authenticated API key with its authority: what a request may do. */
export interface Caller {
  keyId: string;
  authority: AuthorityRecord;
  types: string[];
  economy: string;
}
