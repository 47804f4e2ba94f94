import { createHash } from 'node:crypto';
import {
  type BitstringStatusListEntry,
  buildCredential,
  createMemoryStores,
  createPassageAgent,
  issueCredential,
  type SecuringFormat,
} from '@passage/credentials';
import { type CredentialType, credentialSchemaPath } from '@passage/schema';
import type { MinimalImportableIdentifier } from '@veramo/core-types';
import { IssuerError, type IssuerErrorCode, isIssuerError } from '../../errors.js';
import type { Caller } from '../context.js';
import { checkTypedInput } from '../issue-typed.js';
import { qrTextOf, requestHash } from '../persist.js';

/**
 * What a signer needs for a whole batch. The identifier carries the authority's private key, decrypted
 * by the main thread: it is handed over in memory (a `MessagePort` message to a worker) and imported
 * into an in-memory agent, never written anywhere.
 */
export interface SignerSetup {
  type: CredentialType;
  format: SecuringFormat;
  caller: Caller;
  publicUrl: string;
  identifier: MinimalImportableIdentifier;
}

/** One item to check and sign: its request body (as JSON text or parsed), id and status entries. */
export interface SignJobItem {
  id: string;
  /** The item carries an Idempotency-Key: its request is hashed, as the single path does then only. */
  keyed: boolean;
  json?: string;
  body?: unknown;
  status: BitstringStatusListEntry[];
}

/** A chunk of items issued at one instant. */
export interface SignJob {
  issuedAt: string;
  items: SignJobItem[];
}

/** A signed item as the main thread records it, or the code it was refused with. */
export type SignedItem =
  | {
      ok: true;
      jws: string;
      qr: string;
      digest: string;
      /** The request's hash, for keyed items only. */
      hash: string | undefined;
      validFrom: string;
      validUntil: string;
      /** The completed subject, only when the authority keeps the person's data. */
      subject?: unknown;
    }
  | { ok: false; code: IssuerErrorCode };

/** Checks and signs the items of a job, in order. */
export type ItemSigner = (job: SignJob) => Promise<SignedItem[]>;

function bodyOf(item: SignJobItem): unknown {
  if (item.json === undefined) return item.body;
  try {
    return JSON.parse(item.json) as unknown;
  } catch {
    throw new IssuerError('MALFORMED_INPUT', 'the item is not JSON');
  }
}

/**
 * A signer over an in-memory agent holding only the authority's key: the same checks, credential,
 * signature and QR text as the single-item path (`issueTyped`), without touching the database. Any
 * error without an issuer code (a bug, a broken key) rejects the whole job.
 */
export async function createItemSigner(setup: SignerSetup): Promise<ItemSigner> {
  const { agent } = createPassageAgent(createMemoryStores());
  await agent.didManagerImport(setup.identifier);
  const { caller, type, format } = setup;
  const schemaUrl = `${setup.publicUrl}/${credentialSchemaPath(type)}`;
  const keepSubject = caller.authority.storePersonalData;
  const kind = `${type} ${format}`;

  async function signOne(item: SignJobItem, issuedAt: Date): Promise<SignedItem> {
    const body = bodyOf(item);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new IssuerError('MALFORMED_INPUT', 'the request body must be a JSON object');
    }
    const hash = item.keyed ? requestHash(kind, body) : undefined;
    const { subject, validFrom, validUntil } = checkTypedInput(caller, type, body, issuedAt);
    const credential = buildCredential({
      type,
      issuer: caller.authority.did,
      subject,
      validFrom,
      validUntil,
      schemaUrl,
      id: item.id,
      credentialStatus: item.status,
    });
    const jws = await issueCredential(agent, { credential: { ...credential }, format });
    return {
      ok: true,
      jws,
      qr: qrTextOf(format, jws),
      digest: createHash('sha256').update(jws).digest('hex'),
      hash,
      validFrom,
      validUntil,
      ...(keepSubject ? { subject } : {}),
    };
  }

  return async (job) => {
    const issuedAt = new Date(job.issuedAt);
    const out: SignedItem[] = [];
    for (const item of job.items) {
      try {
        out.push(await signOne(item, issuedAt));
      } catch (error) {
        if (!isIssuerError(error)) throw error;
        out.push({ ok: false, code: error.code });
      }
    }
    return out;
  };
}
