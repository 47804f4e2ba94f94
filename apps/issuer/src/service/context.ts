import type { PassageAgent } from '@passage/credentials';
import type { Kysely } from 'kysely';
import type { AuthorityRecord, IssuerTables, SecretBox } from '../db/index.js';

/** What the issuing functions work with; built once by `openIssuer`. */
export interface IssuerContext {
  db: Kysely<IssuerTables>;
  agent: PassageAgent;
  /** Seals what the database must not hold in clear (signed credentials carry personal data). */
  box: SecretBox;
  publicUrl: string;
  clock: () => Date;
}

/** An authenticated API key with its authority: what a request may do. */
export interface Caller {
  keyId: string;
  authority: AuthorityRecord;
  types: string[];
  economy: string;
}
