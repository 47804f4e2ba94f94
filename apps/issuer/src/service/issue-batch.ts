import type { SecuringFormat } from '@passage/credentials';
import type { CredentialType } from '@passage/schema';
import type { IssuerErrorCode } from '../errors.js';
import type { Caller } from './context.js';
import type { IssuerService } from './issuer-service.js';

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

/**
 * Issues a request's items through the bulk path (`IssuerService.issueStream`): the same checks,
 * status entries and idempotency as the single-item path, one transaction per chunk, signed in the
 * request's thread (a request is at most {@link MAX_BATCH_ITEMS} items; threads pay off for files).
 * An item refused for a reason the issuer has a code for answers that code and the batch goes on;
 * anything else (a database failure) ends the batch.
 */
export async function issueBatch(
  service: Pick<IssuerService, 'issueStream'>,
  caller: Caller,
  type: CredentialType,
  items: readonly BatchItem[],
  options: { format?: SecuringFormat } = {},
): Promise<BatchItemResult[]> {
  const stream = items.map((item, ref) => ({ ref, body: item.body, idempotencyKey: item.idempotencyKey }));
  const results: BatchItemResult[] = [];
  for await (const chunk of service.issueStream(caller, type, stream, { ...options, workers: 0 })) {
    for (const { ref, ...result } of chunk) results.push({ index: ref, ...result });
  }
  return results;
}
