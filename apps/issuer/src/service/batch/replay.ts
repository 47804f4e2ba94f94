import { IssuerError, isIssuerError } from '../../errors.js';
import type { Caller, IssuerContext } from '../context.js';
import { replayFor, requestHash } from '../persist.js';
import type { BatchStreamItem, BatchStreamResult } from './issue-stream.js';

function bodyOf(item: BatchStreamItem): unknown {
  if (item.json === undefined) return item.body;
  try {
    return JSON.parse(item.json) as unknown;
  } catch {
    throw new IssuerError('MALFORMED_INPUT', 'the item is not JSON');
  }
}

/**
 * The answer to an item whose Idempotency-Key already names a credential: that credential, replayed,
 * when the request is the same; IDEMPOTENCY_KEY_REUSED when it differs; undefined when the credential
 * is gone after all (the item is then issued afresh). `kind` is the type and format, as the single
 * path hashes them.
 */
export async function replayItem(
  ctx: IssuerContext,
  caller: Caller,
  kind: string,
  item: BatchStreamItem,
): Promise<BatchStreamResult | undefined> {
  try {
    const body = bodyOf(item);
    const earlier = await replayFor(ctx, caller, item.idempotencyKey, requestHash(kind, body));
    return earlier && { ref: item.ref, ok: true, id: earlier.id, qr: earlier.qr, replayed: true };
  } catch (error) {
    if (!isIssuerError(error)) throw error;
    return { ref: item.ref, ok: false, code: error.code };
  }
}
