import type { CredentialType } from '@passage/schema';
import { type IssuerErrorCode, isIssuerError } from '../errors.js';
import type { Caller } from './context.js';
import type { IssueOptions } from './issue-typed.js';
import type { IssuedCredential } from './persist.js';

/** The most items one batch request may carry: bounds the work and memory of a single request. */
export const MAX_BATCH_ITEMS = 1000;

/** One entry of a batch: the same body as the single-item endpoint, and its own Idempotency-Key. */
export interface BatchItem {
  body: unknown;
  idempotencyKey?: string;
}

/** What happened to one item, in the order of the request. */
export type BatchItemResult =
  | { index: number; ok: true; id: string; replayed: boolean; qr: string }
  | { index: number; ok: false; code: IssuerErrorCode };

type IssueOne = (
  caller: Caller,
  type: CredentialType,
  body: unknown,
  options?: IssueOptions,
) => Promise<IssuedCredential>;

/**
 * Issues each item as the single-item path would (same checks, status entry, idempotency), one after
 * the other. An item refused for a reason the issuer has a code for answers that code and the batch
 * goes on; anything else (a database failure) ends the batch, since later items would fail alike.
 */
export async function issueBatch(
  issue: IssueOne,
  caller: Caller,
  type: CredentialType,
  items: readonly BatchItem[],
  options: Pick<IssueOptions, 'format'> = {},
): Promise<BatchItemResult[]> {
  const results: BatchItemResult[] = [];
  for (const [index, item] of items.entries()) {
    try {
      const issued = await issue(caller, type, item.body, {
        ...options,
        ...(item.idempotencyKey === undefined ? {} : { idempotencyKey: item.idempotencyKey }),
      });
      results.push({ index, ok: true, id: issued.id, replayed: issued.replayed, qr: issued.qr });
    } catch (error) {
      if (!isIssuerError(error)) throw error;
      results.push({ index, ok: false, code: error.code });
    }
  }
  return results;
}
