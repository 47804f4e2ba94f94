import { type PassageTrustEntry, passageTrustEntrySchema } from '@passage/credentials';
import { TrustListError } from './errors.js';
import type { OperatorPrivateJwk } from './operator-key.js';
import { signDocument } from './signed-document.js';
import {
  TRUST_LIST_TYP,
  type TrustList,
  type TrustListDraft,
  type TrustListEntryInput,
  trustListSchema,
} from './trust-list-schema.js';

type Entry = PassageTrustEntry;
type Status = Entry['status'];
const isPassage = (entry: TrustListDraft['entries'][number]): entry is Entry => entry.framework === 'passage';
const DAY_MS = 86_400_000;
/** Stands for "since before anything was recorded" when a status predates the history. */
const ALWAYS = '1970-01-01T00:00:00.000Z';

/** A new, empty, unsigned list (version 0: the first signature makes it version 1). */
export function createTrustList(operatorName: string, now: Date = new Date()): TrustListDraft {
  const at = now.toISOString();
  return {
    type: 'PassageTrustList',
    schemaVersion: 1,
    version: 0,
    issuedAt: at,
    validUntil: at,
    operator: { name: operatorName },
    entries: [],
  };
}

function withoutProof(list: TrustListDraft | TrustList): TrustListDraft {
  const { proof: _proof, ...draft } = list as TrustList;
  return draft;
}

function indexOf(list: TrustListDraft, did: string): number {
  const index = list.entries.findIndex((entry) => isPassage(entry) && entry.did === did);
  if (index < 0) throw new TrustListError('ISSUER_NOT_LISTED', 'the issuer is not in the trust list');
  return index;
}

/**
 * Adds an issuer, replacing the entry of the same DID if there is one. The result is unsigned.
 *
 * @throws TrustListError `INVALID_ARGUMENT` when the entry does not match the entry schema.
 */
export function addIssuer(list: TrustListDraft | TrustList, entry: TrustListEntryInput): TrustListDraft {
  const parsed = passageTrustEntrySchema.safeParse(entry);
  if (!parsed.success)
    throw new TrustListError('INVALID_ARGUMENT', 'the entry does not match the trust entry schema');
  const draft = withoutProof(list);
  const at = draft.entries.findIndex((e) => isPassage(e) && e.did === parsed.data.did);
  const entries =
    at < 0 ? [...draft.entries, parsed.data] : draft.entries.map((e, i) => (i === at ? parsed.data : e));
  return { ...draft, entries };
}

/** Removes an issuer. Throws `ISSUER_NOT_LISTED` when it is not there. The result is unsigned. */
export function removeIssuer(list: TrustListDraft | TrustList, did: string): TrustListDraft {
  const draft = withoutProof(list);
  const at = indexOf(draft, did);
  return { ...draft, entries: draft.entries.filter((_, i) => i !== at) };
}

/**
 * Changes an issuer's status and records the change in its `statusHistory`, so that credentials
 * issued before the change are still judged by the status they were issued under.
 *
 * @throws TrustListError `ISSUER_NOT_LISTED`; `INVALID_ARGUMENT` when leaving `terminated` (final) or
 *   when `since` is before the last recorded change.
 */
export function setIssuerStatus(
  list: TrustListDraft | TrustList,
  did: string,
  status: Status,
  since: Date = new Date(),
): TrustListDraft {
  const draft = withoutProof(list);
  const at = indexOf(draft, did);
  const entry = draft.entries[at] as Entry;
  if (entry.status === status) return draft;
  if (entry.status === 'terminated')
    throw new TrustListError('INVALID_ARGUMENT', 'a terminated issuer cannot change status');
  const history = [...(entry.statusHistory ?? [])];
  const last = history.at(-1);
  if (last !== undefined && Date.parse(last.since) > since.getTime())
    throw new TrustListError('INVALID_ARGUMENT', 'the change is dated before the last recorded change');
  // A status set before histories were kept is taken to have always held.
  if (last === undefined && entry.status !== 'active') history.push({ status: entry.status, since: ALWAYS });
  history.push({ status, since: since.toISOString() });
  const changed: Entry = { ...entry, status, statusHistory: history };
  return { ...draft, entries: draft.entries.map((e, i) => (i === at ? changed : e)) };
}

/** How a list is signed. */
export interface SignTrustListOptions {
  /** Signing time: becomes `issuedAt` (default now). */
  now?: Date;
  /** Days until `validUntil` (default 30). */
  validDays?: number;
}

/**
 * Signs a list with the operator's key: bumps `version`, sets `issuedAt` and `validUntil`.
 *
 * @example
 * const signed = signTrustList(addIssuer(held, entry), privateJwk, { validDays: 30 });
 */
export function signTrustList(
  list: TrustListDraft | TrustList,
  privateJwk: OperatorPrivateJwk,
  options: SignTrustListOptions = {},
): TrustList {
  const now = options.now ?? new Date();
  const days = options.validDays ?? 30;
  if (!Number.isFinite(days) || days <= 0 || days > 3660)
    throw new TrustListError('INVALID_ARGUMENT', 'validDays must be between 0 and 3660');
  const draft = withoutProof(list);
  const next: TrustListDraft = {
    ...draft,
    version: draft.version + 1,
    issuedAt: now.toISOString(),
    validUntil: new Date(now.getTime() + days * DAY_MS).toISOString(),
  };
  return trustListSchema.parse(signDocument(next, privateJwk, { typ: TRUST_LIST_TYP, now }));
}
