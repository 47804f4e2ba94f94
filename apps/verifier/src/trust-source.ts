import { readFileSync, statSync } from 'node:fs';
import { createTrustStore, type TrustStore, trustFileSchema } from '@passage/credentials';
import { VerifierError } from './errors.js';

/** Gives the trust store in force now; a file-backed source picks up edits without a restart. */
export interface TrustSource {
  current(): TrustStore;
}

/** A fixed trust store, for tests and for callers that manage reloading themselves. */
export function staticTrustSource(store: TrustStore): TrustSource {
  return { current: () => store };
}

/**
 * Parses trust-file text into a store.
 *
 * @throws VerifierError `TRUST_FILE_INVALID` when the JSON or its shape is wrong.
 */
export function parseTrustFile(text: string): TrustStore {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VerifierError('TRUST_FILE_INVALID', 'trust file is not valid JSON');
  }
  const parsed = trustFileSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new VerifierError('TRUST_FILE_INVALID', 'trust file does not match the trust file schema', details);
  }
  return createTrustStore(parsed.data);
}

/** Reads a trust file now; a missing file is an empty trust list (nothing is trusted). */
export function loadTrustFile(path: string): TrustStore {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return createTrustStore({ entries: [] });
    throw new VerifierError('TRUST_FILE_INVALID', 'trust file cannot be read');
  }
  return parseTrustFile(text);
}

export interface FileTrustSourceOptions {
  /** Minimum time between two looks at the file's modification time. */
  checkIntervalMs?: number;
  /** Told when a changed file could not be loaded; the last good store stays in force. */
  onError?: (error: VerifierError) => void;
  onReload?: (entries: number) => void;
}

/**
 * A trust source backed by a file. It looks at the file's mtime at most once per interval, reloads it when it
 * changed, and keeps the last good store when a new version is broken.
 */
export function fileTrustSource(path: string, options: FileTrustSourceOptions = {}): TrustSource {
  const interval = options.checkIntervalMs ?? 1000;
  let store = loadTrustFile(path);
  let mtime = mtimeOf(path);
  let checkedAt = Date.now();
  return {
    current() {
      const now = Date.now();
      if (now - checkedAt < interval) return store;
      checkedAt = now;
      const m = mtimeOf(path);
      if (m === mtime) return store;
      try {
        store = loadTrustFile(path);
        mtime = m;
        options.onReload?.(store.size);
      } catch (error) {
        mtime = m;
        if (error instanceof VerifierError) options.onError?.(error);
        else throw error;
      }
      return store;
    },
  };
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}
