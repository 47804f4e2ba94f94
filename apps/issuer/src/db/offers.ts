import type { Kysely, Selectable } from 'kysely';
import type { CredentialOffersTable, IssuerTables } from './schema.js';

/** An OpenID4VCI credential offer as recorded. Sealed values stay sealed here: the service opens them. */
export interface OfferRecord {
  id: string;
  authorityId: string;
  apiKeyId: string;
  economy: string;
  type: string;
  configurationId: string;
  subjectSealed: string;
  offerUriSealed: string;
  codeHash: string;
  txCodeHash: string | undefined;
  txFailures: number;
  createdAt: Date;
  expiresAt: Date;
  tokenIssuedAt: Date | undefined;
  redeemedAt: Date | undefined;
  credentialId: string | undefined;
}

/** What {@link insertOffer} records. */
export type NewOffer = Omit<OfferRecord, 'txFailures' | 'tokenIssuedAt' | 'redeemedAt' | 'credentialId'>;

const date = (text: string | null): Date | undefined => (text === null ? undefined : new Date(text));

function toRecord(row: Selectable<CredentialOffersTable>): OfferRecord {
  return {
    id: row.id,
    authorityId: row.authority_id,
    apiKeyId: row.api_key_id,
    economy: row.economy,
    type: row.type,
    configurationId: row.configuration_id,
    subjectSealed: row.subject_sealed,
    offerUriSealed: row.offer_uri_sealed,
    codeHash: row.code_hash,
    txCodeHash: row.tx_code_hash ?? undefined,
    txFailures: row.tx_failures,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    tokenIssuedAt: date(row.token_issued_at),
    redeemedAt: date(row.redeemed_at),
    credentialId: row.credential_id ?? undefined,
  };
}

/** Records a new offer. */
export async function insertOffer(db: Kysely<IssuerTables>, offer: NewOffer): Promise<void> {
  await db
    .insertInto('credential_offers')
    .values({
      id: offer.id,
      authority_id: offer.authorityId,
      api_key_id: offer.apiKeyId,
      economy: offer.economy,
      type: offer.type,
      configuration_id: offer.configurationId,
      subject_sealed: offer.subjectSealed,
      offer_uri_sealed: offer.offerUriSealed,
      code_hash: offer.codeHash,
      tx_code_hash: offer.txCodeHash ?? null,
      tx_failures: 0,
      created_at: offer.createdAt.toISOString(),
      expires_at: offer.expiresAt.toISOString(),
      token_issued_at: null,
      redeemed_at: null,
      credential_id: null,
    })
    .execute();
}

/** The offer with this id, optionally only if this authority made it. */
export async function findOffer(
  db: Kysely<IssuerTables>,
  id: string,
  authorityId?: string,
): Promise<OfferRecord | undefined> {
  let query = db.selectFrom('credential_offers').selectAll().where('id', '=', id);
  if (authorityId !== undefined) query = query.where('authority_id', '=', authorityId);
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

/** The offer whose pre-authorized code hashes to `codeHash`. */
export async function findOfferByCodeHash(
  db: Kysely<IssuerTables>,
  codeHash: string,
): Promise<OfferRecord | undefined> {
  const row = await db
    .selectFrom('credential_offers')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
  return row && toRecord(row);
}

/**
 * Takes one transaction-code attempt before the code is compared, so parallel guesses cannot outrun the
 * limit: false once `max` attempts were taken. A right code spends the offer's code anyway.
 */
export async function takeTxAttempt(db: Kysely<IssuerTables>, id: string, max: number): Promise<boolean> {
  const result = await db
    .updateTable('credential_offers')
    .set((eb) => ({ tx_failures: eb('tx_failures', '+', 1) }))
    .where('id', '=', id)
    .where('tx_failures', '<', max)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Spends the pre-authorized code: true for the one request that marks the token issued, false for any
 * other (a concurrent or later reuse of the code).
 */
export async function markTokenIssued(db: Kysely<IssuerTables>, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('credential_offers')
    .set({ token_issued_at: at.toISOString() })
    .where('id', '=', id)
    .where('token_issued_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Claims the offer for issuance: true for the one request that may issue its credential. */
export async function claimRedemption(db: Kysely<IssuerTables>, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('credential_offers')
    .set({ redeemed_at: at.toISOString() })
    .where('id', '=', id)
    .where('redeemed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Gives a claim back after issuing failed, so the wallet may try again with a fresh token. */
export async function releaseRedemption(db: Kysely<IssuerTables>, id: string): Promise<void> {
  await db
    .updateTable('credential_offers')
    .set({ redeemed_at: null })
    .where('id', '=', id)
    .where('credential_id', 'is', null)
    .execute();
}

/** Records the credential an offer was redeemed for. */
export async function recordRedeemedCredential(
  db: Kysely<IssuerTables>,
  id: string,
  credentialId: string,
): Promise<void> {
  await db
    .updateTable('credential_offers')
    .set({ credential_id: credentialId })
    .where('id', '=', id)
    .execute();
}
