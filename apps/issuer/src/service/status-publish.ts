import { createHash } from 'node:crypto';
import { buildStatusListCredential, issueCredential, setStatusBit } from '@passage/credentials';
import {
  findAuthorityById,
  findStatusList,
  listAuthorities,
  listStatusLists,
  type StatusListPurpose,
  type StatusListRecord,
  saveSignedVersion,
  setIndexes,
} from '../db/index.js';
import { IssuerError } from '../errors.js';
import type { IssuerContext } from './context.js';
import { statusListUrl } from './status-issue.js';

/** One signed version of a status list, in both representations, with their entity tags. */
export interface PublishedStatusList {
  id: string;
  url: string;
  purpose: StatusListPurpose;
  version: number;
  /** The `vc+jwt` compact JWS. */
  jws: string;
  /** The unsecured credential the JWS carries, as JSON text. */
  json: string;
  /** Strong ETags (quoted) of each representation; they change whenever the bits change. */
  etags: { jws: string; json: string };
  ttlMs: number;
}

/** One line of the index of status lists. */
export interface StatusListIndexEntry {
  id: string;
  url: string;
  issuer: string;
  purpose: StatusListPurpose;
  generation: number;
}

/** Serves status lists, signing each version once. */
export interface StatusPublisher {
  /** The current signed version of a list, or undefined for an unknown id. */
  get(listId: string): Promise<PublishedStatusList | undefined>;
  /** Every published list: what a verifier or the offline bundle exporter fetches. */
  index(): Promise<StatusListIndexEntry[]>;
}

const etag = (text: string): string =>
  `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;

function published(
  ctx: IssuerContext,
  list: StatusListRecord,
  version: number,
  jws: string,
  json: string,
): PublishedStatusList {
  return {
    id: list.id,
    url: statusListUrl(ctx, list.id),
    purpose: list.purpose,
    version,
    jws,
    json,
    etags: { jws: etag(jws), json: etag(json) },
    ttlMs: ctx.status.ttlMs,
  };
}

/** Reads a list version and its set bits together, so the bits are those of that version. */
async function snapshot(ctx: IssuerContext, listId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const list = await findStatusList(trx, listId);
    return list && { list, set: await setIndexes(trx, list) };
  });
}

async function sign(ctx: IssuerContext, listId: string): Promise<PublishedStatusList | undefined> {
  const taken = await snapshot(ctx, listId);
  if (!taken) return undefined;
  const { list, set } = taken;
  const authority = await findAuthorityById(ctx.db, list.authorityId);
  if (!authority) throw new IssuerError('INTERNAL', 'a status list has no authority');
  const bits = new Uint8Array(Math.ceil(list.size / 8));
  for (const index of set) setStatusBit(bits, index, true);
  const credential = buildStatusListCredential({
    url: statusListUrl(ctx, list.id),
    issuer: authority.did,
    purpose: list.purpose,
    bits,
    ttlMs: ctx.status.ttlMs,
    validFrom: list.updatedAt.toISOString(),
  });
  const jws = await issueCredential(ctx.agent, { credential: { ...credential }, format: 'vc+jwt' });
  const json = JSON.stringify(credential);
  await saveSignedVersion(ctx.db, { id: list.id, version: list.version, jws, json });
  return published(ctx, list, list.version, jws, json);
}

/**
 * The status list publisher. A list version is signed the first time it is asked for and kept in the
 * database; concurrent requests for a version not yet signed share one signing.
 */
export function createStatusPublisher(ctx: IssuerContext): StatusPublisher {
  const signing = new Map<string, Promise<PublishedStatusList | undefined>>();
  return {
    async get(listId) {
      const list = await findStatusList(ctx.db, listId);
      if (!list) return undefined;
      if (list.signed && list.signedVersion === list.version) {
        return published(ctx, list, list.version, list.signed.jws, list.signed.json);
      }
      const key = `${list.id}@${list.version}`;
      let pending = signing.get(key);
      if (!pending) {
        pending = sign(ctx, list.id).finally(() => signing.delete(key));
        signing.set(key, pending);
      }
      return pending;
    },
    async index() {
      const [lists, authorities] = await Promise.all([listStatusLists(ctx.db), listAuthorities(ctx.db)]);
      const dids = new Map(authorities.map((a) => [a.id, a.did]));
      return lists.map((l) => ({
        id: l.id,
        url: statusListUrl(ctx, l.id),
        issuer: dids.get(l.authorityId) ?? '',
        purpose: l.purpose,
        generation: l.generation,
      }));
    },
  };
}
