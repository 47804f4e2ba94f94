import { createTrustStore, type PassageTrustEntry, type TrustStore } from '@passage/credentials';
import { z } from 'zod';
import { TrustListError } from './errors.js';
import {
  type TrustList,
  type TrustListDraft,
  trustListDraftSchema,
  trustListSchema,
} from './trust-list-schema.js';

/** The published JSON Schema (2020-12) of a signed trust list, generated from the zod schema. */
export const trustListJsonSchema: Record<string, unknown> = {
  ...z.toJSONSchema(trustListSchema, { target: 'draft-2020-12', io: 'input' }),
  title: 'PassageTrustList',
  description: 'A signed, versioned list of the credential issuers an economy recognises.',
};

function shapeError(error: z.ZodError): TrustListError {
  const where = error.issues[0]?.path.join('.') ?? '';
  return new TrustListError(
    'TRUST_LIST_INVALID',
    `the trust list does not match its schema${where ? ` at ${where}` : ''}`,
  );
}

/** Parses a signed trust list (the signature is not checked here). Throws TRUST_LIST_INVALID. */
export function parseTrustList(value: unknown): TrustList {
  const parsed = trustListSchema.safeParse(value);
  if (!parsed.success) throw shapeError(parsed.error);
  return parsed.data;
}

/** Parses a trust list being edited; a proof it carries is dropped. Throws TRUST_LIST_INVALID. */
export function parseTrustListDraft(value: unknown): TrustListDraft {
  const { proof: _proof, ...body } = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const parsed = trustListDraftSchema.safeParse(typeof value === 'object' && value !== null ? body : value);
  if (!parsed.success) throw shapeError(parsed.error);
  return parsed.data;
}

/** The Passage issuers of a list (entries of other frameworks left out). */
export function passageEntriesOf(list: Pick<TrustListDraft, 'entries'>): PassageTrustEntry[] {
  return list.entries.filter((entry): entry is PassageTrustEntry => entry.framework === 'passage');
}

/** The verifier's trust store for a list's entries (the signature must have been checked already). */
export function trustStoreFromList(list: Pick<TrustListDraft, 'entries'>): TrustStore {
  return createTrustStore({ entries: list.entries });
}
