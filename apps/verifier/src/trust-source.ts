import { readFileSync, statSync } from 'node:fs';
import { createTrustStore, type TrustStore, trustFileSchema } from '@passage/credentials';
import { type ForeignTrust, foreignTrustOf, trustListEntrySchema } from '@passage/trust';
import { VerifierError } from './errors.js';

/**
 * Gives the trust in force now: the Passage trust store and, when the source has any, the prepared
 * trust of other formats (DCC, SHC, ICAO). A file-backed source picks up edits without a restart.
 */
export interface TrustSource {
  current(): TrustStore;
  foreign?(): ForeignTrust;
}

/** A trust file as loaded: its Passage store and its foreign trust, built from the same entries. */
export interface LoadedTrust {
  store: TrustStore;
  foreign: ForeignTrust;
}

/** Trusts no foreign issuer. */
export const NO_FOREIGN_TRUST: ForeignTrust = foreignTrustOf([]);

/** A fixed trust store (and foreign trust), for tests and for callers that manage reloading themselves. */
export function staticTrustSource(store: TrustStore, foreign: ForeignTrust = NO_FOREIGN_TRUST): TrustSource {
  return { current: () => store, foreign: () => foreign };
}

/**
 * Parses trust-file text into a store.
 *
 * @throws VerifierError `TRUST_FILE_INVALID` when the JSON or its shape is wrong.
 */
export function parseTrustFile(text: string): TrustStore {
  return parseTrustFileData(text).store;
}

/**
 * Parses trust-file text into its Passage store and foreign trust. Foreign entries are checked
 * against their format's entry schema here, so a mistyped DSC fails the file as a whole.
 *
 * @throws VerifierError `TRUST_FILE_INVALID` when the JSON or its shape is wrong.
 */
export function parseTrustFileData(text: string): LoadedTrust {
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
  const { entries } = parsed.data;
  for (const [index, entry] of entries.entries()) {
    if (entry.framework === 'passage' || trustListEntrySchema.safeParse(entry).success) continue;
    throw new VerifierError('TRUST_FILE_INVALID', 'trust file does not match the trust file schema', [
      { path: `entries.${index}`, message: `not a valid ${entry.framework} trust entry` },
    ]);
  }
  return { store: createTrustStore(parsed.data), foreign: foreignTrustOf(entries) };
}

/** Reads a trust file now; a missing file is an empty trust list (nothing is trusted). */
export function loadTrustFile(path: string): TrustStore {
  return loadTrustFileData(path).store;
}

/** Reads a trust file's Passage store and foreign trust now; a missing file trusts nobody. */
export function loadTrustFileData(path: string): LoadedTrust {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { store: createTrustStore({ entries: [] }), foreign: NO_FOREIGN_TRUST };
    throw new VerifierError('TRUST_FILE_INVALID', 'trust file cannot be read');
  }
  return parseTrustFileData(text);
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
  let loaded = loadTrustFileData(path);
  let mtime = mtimeOf(path);
  let checkedAt = Date.now();
  const latest = (): LoadedTrust => {
    const now = Date.now();
    if (now - checkedAt < interval) return loaded;
    checkedAt = now;
    const m = mtimeOf(path);
    if (m === mtime) return loaded;
    try {
      loaded = loadTrustFileData(path);
      mtime = m;
      options.onReload?.(loaded.store.size);
    } catch (error) {
      mtime = m;
      if (error instanceof VerifierError) options.onError?.(error);
      else throw error;
    }
    return loaded;
  };
  return {
    current: () => latest().store,
    foreign: () => latest().foreign,
  };
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}
