import { readFileSync } from 'node:fs';
import { fetchJson, type RemoteOptions } from './remote.js';

/** Where the document in force came from. */
export type DocumentOrigin = 'network' | 'file' | 'bundle';

/** What the verifier holds of a published document, for reports and /healthz. */
export interface DocumentInfo {
  version: number;
  issuedAt: string;
  validUntil?: string;
  source: DocumentOrigin;
  /** When it was fetched or read (ISO 8601). */
  fetchedAt: string;
  ageSeconds: number;
  /** The code of the last refused or failed update, when the last attempt did not succeed. */
  lastError?: string;
}

/** The outcome of one update attempt. */
export type LoadResult = { ok: true; changed: boolean } | { ok: false; code: string; message: string };

/**
 * Accepts a candidate document against the one held (signature by a pinned key, shape, validity,
 * no rollback) or throws an error carrying a string `code`.
 */
export type AcceptDocument<T> = (candidate: unknown, held: T | undefined, now: Date) => T;

/** A signed document kept up to date from a URL, a file or a bundle, never replaced by a worse one. */
export interface SignedSource<T> {
  current(): T | undefined;
  info(): DocumentInfo | undefined;
  /** Counts the updates offered (accepted or refused): what {@link info} says changes only with it, and the clock. */
  revision(): number;
  /** Offers a document; a refused one leaves the held one in force. */
  load(candidate: unknown, origin: DocumentOrigin, fetchedAt?: Date): LoadResult;
  /** Reads the configured file now, synchronously and without the network (undefined: no file). */
  readFile(): LoadResult | undefined;
  /** Reads the configured file and fetches the configured URL now. */
  refresh(): Promise<LoadResult>;
  /** Refreshes every `intervalMs` until {@link stop}; the timer does not keep the process alive. */
  start(intervalMs: number): void;
  stop(): void;
}

/** Where and how a source looks for its document. */
export interface SignedSourceOptions<T> {
  accept: AcceptDocument<T>;
  /** Reads the version, issuance and expiry of an accepted document. */
  describe: (doc: T) => { version: number; issuedAt: string; validUntil?: string };
  url?: string;
  file?: string;
  remote?: RemoteOptions;
  now?: () => Date;
  onChange?: (doc: T, origin: DocumentOrigin) => void;
  onError?: (code: string, origin: DocumentOrigin) => void;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'DOCUMENT_UNAVAILABLE';
}

/**
 * Builds a source for a signed document (trust list or entry rules). Each candidate goes through
 * `accept` with the document held, so a tampered, expired or rolled-back document is refused and
 * the last good one stays in force; the refusal's code is kept for `info().lastError`.
 */
export function signedSource<T>(options: SignedSourceOptions<T>): SignedSource<T> {
  const clock = options.now ?? (() => new Date());
  let held: { doc: T; origin: DocumentOrigin; fetchedAt: Date } | undefined;
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let revision = 0;

  const fail = (code: string, message: string, origin: DocumentOrigin): LoadResult => {
    revision += 1;
    lastError = code;
    options.onError?.(code, origin);
    return { ok: false, code, message };
  };

  const load = (candidate: unknown, origin: DocumentOrigin, fetchedAt: Date = clock()): LoadResult => {
    try {
      const doc = options.accept(candidate, held?.doc, clock());
      const before = held ? options.describe(held.doc).version : undefined;
      const changed = before === undefined || options.describe(doc).version !== before;
      held = { doc, origin: changed || !held ? origin : held.origin, fetchedAt };
      lastError = undefined;
      revision += 1;
      if (changed) options.onChange?.(doc, origin);
      return { ok: true, changed };
    } catch (error) {
      return fail(codeOf(error), error instanceof Error ? error.message : 'refused', origin);
    }
  };

  const readFile = (): LoadResult | undefined => {
    if (options.file === undefined) return undefined;
    let text: string;
    try {
      text = readFileSync(options.file, 'utf8');
    } catch {
      return fail('DOCUMENT_UNAVAILABLE', 'the file cannot be read', 'file');
    }
    try {
      return load(JSON.parse(text), 'file');
    } catch {
      return fail('DOCUMENT_INVALID', 'the file is not JSON', 'file');
    }
  };

  const refresh = async (): Promise<LoadResult> => {
    const fromFile = readFile();
    if (options.url === undefined) return fromFile ?? { ok: true, changed: false };
    try {
      return load(await fetchJson(options.url, options.remote), 'network');
    } catch (error) {
      return fail('DOCUMENT_UNAVAILABLE', error instanceof Error ? error.message : 'fetch failed', 'network');
    }
  };

  return {
    current: () => held?.doc,
    revision: () => revision,
    info() {
      if (!held) return undefined;
      const described = options.describe(held.doc);
      return {
        ...described,
        source: held.origin,
        fetchedAt: held.fetchedAt.toISOString(),
        ageSeconds: Math.max(0, Math.round((clock().getTime() - held.fetchedAt.getTime()) / 1000)),
        ...(lastError === undefined ? {} : { lastError }),
      };
    },
    load,
    readFile,
    refresh,
    start(intervalMs) {
      if (timer) clearInterval(timer);
      timer = setInterval(() => void refresh(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
