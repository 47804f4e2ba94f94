import type { Kysely, Selectable } from 'kysely';
import type { DccSignersTable, IssuerTables } from './schema.js';

/** Where an authority's DSC came from. */
export type DccSignerOrigin = DccSignersTable['origin'];

/** An authority's EU DCC document signer certificate, as the issuer keeps it. */
export interface DccSignerRecord {
  authorityId: string;
  /** The DCC kid, base64. */
  kid: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The DER certificate. */
  certificate: Uint8Array;
  origin: DccSignerOrigin;
  notBefore: Date;
  notAfter: Date;
  createdAt: Date;
}

function toRecord(row: Selectable<DccSignersTable>): DccSignerRecord {
  return {
    authorityId: row.authority_id,
    kid: row.kid,
    country: row.country,
    certificate: Buffer.from(row.certificate, 'base64'),
    origin: row.origin === 'imported' ? 'imported' : 'generated',
    notBefore: new Date(row.not_before),
    notAfter: new Date(row.not_after),
    createdAt: new Date(row.created_at),
  };
}

/** Stores an authority's DSC, replacing the one it had. */
export async function saveDccSigner(db: Kysely<IssuerTables>, signer: DccSignerRecord): Promise<void> {
  const row: Selectable<DccSignersTable> = {
    authority_id: signer.authorityId,
    kid: signer.kid,
    country: signer.country,
    certificate: Buffer.from(signer.certificate).toString('base64'),
    origin: signer.origin,
    not_before: signer.notBefore.toISOString(),
    not_after: signer.notAfter.toISOString(),
    created_at: signer.createdAt.toISOString(),
  };
  const { authority_id: _id, ...update } = row;
  await db
    .insertInto('dcc_signers')
    .values(row)
    .onConflict((c) => c.column('authority_id').doUpdateSet(update))
    .execute();
}

/** The DSC of an authority, if it has one. */
export async function findDccSigner(
  db: Kysely<IssuerTables>,
  authorityId: string,
): Promise<DccSignerRecord | undefined> {
  const row = await db
    .selectFrom('dcc_signers')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return row && toRecord(row);
}
