// The shape of a trust list, with no Node module behind it: the verifier service, the CLI and the
// browser verifier read lists with these same schemas (through `@passage/trust/pure` in a browser).
import { passageTrustEntrySchema } from '@passage/credentials/pure';
import { dccTrustEntrySchema, icaoTrustEntrySchema, shcTrustEntrySchema } from '@passage/formats/pure';
import { z } from 'zod';
import { documentProofSchema } from './document-schemas.js';

/** The JWS `typ` a trust list is signed with. */
export const TRUST_LIST_TYP = 'passage-trust-list+json';

const instantSchema = z.iso.datetime({ offset: true });

/**
 * A trust list entry. Entries are told apart by `framework`: `passage` (our issuers, by DID), `dcc`
 * (an EU DCC document signer certificate), `shc` (a SMART Health Card issuer and its JWKS) and `icao`
 * (a CSCA for VDS-NC seals).
 */
export const trustListEntrySchema = z.discriminatedUnion('framework', [
  passageTrustEntrySchema,
  dccTrustEntrySchema,
  shcTrustEntrySchema,
  icaoTrustEntrySchema,
]);

/** What makes two entries the same issuer: a DID, an SHC `iss`, a certificate. */
export function trustEntryIdentity(entry: TrustListEntry): string {
  switch (entry.framework) {
    case 'passage':
      return `passage ${entry.did}`;
    case 'shc':
      return `shc ${entry.iss}`;
    case 'dcc':
      return `dcc ${entry.kid} ${entry.certificate}`;
    case 'icao':
      return `icao ${entry.country} ${entry.certificate}`;
  }
}

/**
 * A trust list as an operator edits it, before it is signed: who the operator is, which issuers it
 * recognises, its version and validity. DIDs are unique within a list.
 */
export const trustListDraftSchema = z
  .strictObject({
    type: z.literal('PassageTrustList'),
    schemaVersion: z.literal(1),
    version: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    issuedAt: instantSchema,
    validFrom: instantSchema.optional(),
    validUntil: instantSchema,
    operator: z.strictObject({ name: z.string().min(1).max(200) }),
    entries: z.array(trustListEntrySchema).max(100_000),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const [index, entry] of list.entries.entries()) {
      const identity = trustEntryIdentity(entry);
      if (seen.has(identity))
        ctx.addIssue({ code: 'custom', path: ['entries', index], message: 'duplicate issuer' });
      seen.add(identity);
    }
  });

/** A signed trust list: the draft plus the operator's `proof`. */
export const trustListSchema = trustListDraftSchema.safeExtend({ proof: documentProofSchema });

/** A trust list being edited (no proof). */
export type TrustListDraft = z.infer<typeof trustListDraftSchema>;
/** A signed trust list. */
export type TrustList = z.infer<typeof trustListSchema>;
/** A trust list entry of any framework. */
export type TrustListEntry = z.infer<typeof trustListEntrySchema>;
/** A Passage issuer's entry as written in a list (defaults not yet applied). */
export type TrustListEntryInput = z.input<typeof passageTrustEntrySchema>;
