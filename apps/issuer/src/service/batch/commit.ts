import type { SecuringFormat } from '@passage/credentials';
import type { CredentialType } from '@passage/schema';
import { insertCredentials } from '../../db/bulk-credentials.js';
import type { BulkStatusAllocator } from '../../db/bulk-status.js';
import { insertCredential, isIssuerDbError, type NewCredential } from '../../db/index.js';
import { isIssuerError } from '../../errors.js';
import type { Caller, IssuerContext } from '../context.js';
import { replayFor } from '../persist.js';
import type { BatchStreamResult, PreparedChunk } from './issue-stream.js';
import type { SignedItem } from './sign-items.js';

interface Row {
  ref: number;
  credential: NewCredential;
  qr: string;
}

/**
 * Records a signed chunk in one transaction and answers its items in input order. Refused items give
 * their status index back in the same transaction. When another writer took an idempotency key in the
 * meantime, the chunk is recorded one item at a time, and the item that lost answers the winner's
 * credential (as the single path does).
 */
export async function commitChunk(
  ctx: IssuerContext,
  caller: Caller,
  batch: { type: CredentialType; format: SecuringFormat; allocator: BulkStatusAllocator },
  chunk: PreparedChunk,
  signed: SignedItem[],
): Promise<BatchStreamResult[]> {
  const results: (BatchStreamResult | undefined)[] = [];
  const rows: Row[] = [];
  const released: string[] = [];
  let next = 0;
  chunk.outcome.forEach((outcome, i) => {
    const ref = chunk.items[i]?.ref ?? i;
    if ('ok' in outcome) {
      results.push(outcome);
      return;
    }
    const item = signed[next++];
    if (!item?.ok) {
      released.push(outcome.id);
      results.push({ ref, ok: false, code: item?.code ?? 'INTERNAL' });
      return;
    }
    results.push(undefined);
    const key = chunk.items[i]?.idempotencyKey;
    rows.push({
      ref,
      qr: item.qr,
      credential: {
        id: outcome.id,
        authorityId: caller.authority.id,
        type: batch.type,
        format: batch.format,
        jws: ctx.box.seal(item.jws, outcome.id),
        digest: item.digest,
        issuedAt: chunk.issuedAt,
        validFrom: new Date(item.validFrom),
        validUntil: new Date(item.validUntil),
        subject: item.subject,
        idempotencyKey: key,
        requestHash: item.hash,
      },
    });
  });
  const recorded = await record(ctx, caller, rows, released, batch.allocator);
  let r = 0;
  return results.map((result) => result ?? recorded[r++] ?? { ref: -1, ok: false, code: 'INTERNAL' });
}

async function record(
  ctx: IssuerContext,
  caller: Caller,
  rows: Row[],
  released: string[],
  allocator: BulkStatusAllocator,
): Promise<BatchStreamResult[]> {
  try {
    const credentials = rows.map((r) => r.credential);
    await insertCredentials(ctx.db, {
      credentials,
      keepSubject: caller.authority.storePersonalData,
      released,
    });
    return rows.map((r) => ({ ref: r.ref, ok: true, id: r.credential.id, qr: r.qr, replayed: false }));
  } catch (error) {
    if (!isIssuerDbError(error, 'IDEMPOTENCY_CONFLICT')) throw error;
  }
  const results: BatchStreamResult[] = [];
  const lost: string[] = [...released];
  for (const row of rows) results.push(await recordOne(ctx, caller, row, lost));
  await allocator.release(lost);
  return results;
}

/** The single path's recording of one item, for a chunk that collided with another writer. */
async function recordOne(
  ctx: IssuerContext,
  caller: Caller,
  row: Row,
  lost: string[],
): Promise<BatchStreamResult> {
  const { ref, credential } = row;
  try {
    await insertCredential(ctx.db, credential);
    return { ref, ok: true, id: credential.id, qr: row.qr, replayed: false };
  } catch (error) {
    lost.push(credential.id);
    if (isIssuerDbError(error, 'IDEMPOTENCY_CONFLICT')) {
      try {
        const winner = await replayFor(ctx, caller, credential.idempotencyKey, credential.requestHash ?? '');
        if (winner) return { ref, ok: true, id: winner.id, qr: winner.qr, replayed: true };
      } catch (refused) {
        if (isIssuerError(refused)) return { ref, ok: false, code: refused.code };
        throw refused;
      }
    }
    if (isIssuerDbError(error, 'CREDENTIAL_EXISTS')) return { ref, ok: false, code: 'CREDENTIAL_EXISTS' };
    throw error;
  }
}
