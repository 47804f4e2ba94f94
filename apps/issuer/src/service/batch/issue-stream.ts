import { type SecuringFormat, STATUS_PURPOSES, statusListEntry } from '@passage/credentials';
import type { CredentialType } from '@passage/schema';
import { existingIdempotencyKeys } from '../../db/bulk-credentials.js';
import { bulkPragmas } from '../../db/bulk-pragmas.js';
import { createBulkStatusAllocator } from '../../db/bulk-status.js';
import type { IssuerErrorCode } from '../../errors.js';
import type { Caller, IssuerContext } from '../context.js';
import { assertScope } from '../issue-typed.js';
import { statusListUrl } from '../status-issue.js';
import { commitChunk } from './commit.js';
import { heapBudget } from './heap-budget.js';
import { createSigningPool } from './pool.js';
import { replayItem } from './replay.js';
import { reserveAhead } from './reserve-ahead.js';
import { signerSetup } from './setup.js';
import type { SignJobItem } from './sign-items.js';

/** One item of a stream: its request body as JSON text or parsed, and its own Idempotency-Key. */
export interface BatchStreamItem {
  /** The caller's reference (a line or index number), given back with the result. */
  ref: number;
  idempotencyKey?: string | undefined;
  json?: string;
  body?: unknown;
}

/** What happened to one item. */
export type BatchStreamResult =
  | { ref: number; ok: true; id: string; qr: string; replayed: boolean }
  | { ref: number; ok: false; code: IssuerErrorCode };

/** Options of {@link issueBatchStream}. */
export interface BatchStreamOptions {
  format?: SecuringFormat | undefined;
  /** Signing threads; 0 signs in this thread. Default 0. */
  workers?: number | undefined;
  /** Items per database transaction and per signing job. Default {@link DEFAULT_CHUNK_SIZE}. */
  chunkSize?: number | undefined;
  /** Main-thread heap (MB) above which a full collection runs between chunks; see `heapBudget`. */
  heapBudgetMb?: number | undefined;
  /** Stops reading after the chunks in flight, which are still recorded and answered. */
  signal?: AbortSignal | undefined;
}

/**
 * Items per chunk: one transaction, one status allocation and one signing job each. Small enough that a
 * chunk's strings mostly die young instead of being promoted and collected in full (500 peaked ~30 MB
 * higher, with twice the full collections), large enough to share a transaction's index pages.
 */
export const DEFAULT_CHUNK_SIZE = 100;

/** A chunk read from the input, replays answered, fresh items given ids and status indexes. */
export interface PreparedChunk {
  items: BatchStreamItem[];
  /** Per position: the replayed result, or the fresh item's id. */
  outcome: (BatchStreamResult | { id: string })[];
  fresh: SignJobItem[];
  issuedAt: Date;
}

async function* chunksOf<T>(source: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of source) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Issues a stream of items of one type for one caller, with the checks, status entries and idempotency
 * of the single-item path, at bulk speed: per chunk, one query finds replays, one statement reserves the
 * status indexes, the signing threads check, sign and encode, and one transaction records the chunk.
 * Memory is bounded: at most a few chunks are in flight, and the input is read only as results are
 * taken. Yields each chunk's results in input order.
 *
 * An item refused for a reason with a code answers that code; anything else (a database failure, a
 * worker crash) ends the stream, with every chunk answered so far recorded. An error reading `items`
 * ends it too, after the chunks already read are recorded and answered.
 */
export async function* issueBatchStream(
  ctx: IssuerContext,
  caller: Caller,
  type: CredentialType,
  items: AsyncIterable<BatchStreamItem> | Iterable<BatchStreamItem>,
  options: BatchStreamOptions = {},
): AsyncGenerator<BatchStreamResult[]> {
  assertScope(caller, type);
  const format = options.format ?? 'vc+jwt';
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const allocator = createBulkStatusAllocator(ctx.db, {
    authorityId: caller.authority.id,
    listSize: ctx.status.listSize,
  });
  const pool = await createSigningPool(await signerSetup(ctx, caller, type, format), options.workers ?? 0);
  const inFlight: Promise<{ chunk: PreparedChunk; signed: Awaited<ReturnType<typeof pool.sign>> }>[] = [];
  const maxInFlight = pool.parallelism + 1;
  const keepHeapFlat = heapBudget(options.heapBudgetMb);
  const reserved = reserveAhead(allocator);

  async function prepare(items: BatchStreamItem[]): Promise<PreparedChunk> {
    const keys = items.flatMap((item) => item.idempotencyKey ?? []);
    const existing =
      keys.length > 0 ? await existingIdempotencyKeys(ctx.db, caller.authority.id, keys) : new Set();
    const replays: (BatchStreamResult | undefined)[] = [];
    for (const item of items) {
      replays.push(
        item.idempotencyKey !== undefined && existing.has(item.idempotencyKey)
          ? await replayItem(ctx, caller, `${type} ${format}`, item)
          : undefined,
      );
    }
    const issuedAt = ctx.clock();
    const allocations = await reserved.take(replays.filter((r) => r === undefined).length, issuedAt);
    const outcome: PreparedChunk['outcome'] = [];
    const fresh: SignJobItem[] = [];
    let next = 0;
    replays.forEach((replayed, i) => {
      if (replayed) {
        outcome.push(replayed);
        return;
      }
      const alloc = allocations[next++];
      const item = items[i];
      // take() answers as many as asked or throws; commitChunk pairs fresh items with outcomes in order.
      if (!alloc || !item) throw new Error('a reserved status index is missing');
      outcome.push({ id: alloc.credentialId });
      const status = STATUS_PURPOSES.map((purpose) =>
        statusListEntry(statusListUrl(ctx, alloc[purpose].id), purpose, alloc.index),
      );
      fresh.push({
        id: alloc.credentialId,
        keyed: item.idempotencyKey !== undefined,
        status,
        ...(item.json === undefined ? { body: item.body } : { json: item.json }),
      });
    });
    return { items, outcome, fresh, issuedAt };
  }

  const finish = async () => {
    const next = inFlight.shift();
    if (!next) return [];
    const { chunk, signed } = await next;
    const results = await commitChunk(ctx, caller, { type, format, allocator }, chunk, signed);
    keepHeapFlat();
    return results;
  };

  // A failure reading the input (a malformed CSV row) ends the stream after the chunks already read
  // are recorded and answered, as an interruption does.
  const source = { failed: false, error: undefined as unknown };
  async function* guarded() {
    try {
      yield* items;
    } catch (error) {
      Object.assign(source, { failed: true, error });
    }
  }

  const restorePragmas = bulkPragmas(ctx.db);
  try {
    for await (const read of chunksOf(guarded(), chunkSize)) {
      const chunk = await prepare(read);
      const job = pool.sign({ issuedAt: chunk.issuedAt.toISOString(), items: chunk.fresh });
      const done = job.then((signed) => ({ chunk, signed }));
      done.catch(() => undefined);
      inFlight.push(done);
      while (inFlight.length >= maxInFlight) yield await finish();
      if (options.signal?.aborted) break;
    }
    while (inFlight.length > 0) yield await finish();
    if (source.failed) throw source.error;
  } finally {
    try {
      await reserved.release();
    } finally {
      restorePragmas();
      await pool.close();
    }
  }
}
