import { WalletError } from './errors.js';
import type { CardSummary } from './received.js';

/** One credential as the wallet keeps it in IndexedDB. */
export interface StoredCredential {
  id: string;
  /** The credential as issued: a compact JWS. */
  jws: string;
  /** The Passage QR text of that JWS. */
  qr: string;
  summary: CardSummary;
  /** When the wallet received it (ISO 8601). */
  receivedAt: string;
  /** The holder key it is bound to; the private key stays non-extractable in storage too. */
  key: CryptoKeyPair;
  did: string;
}

const DB = 'passage-wallet';
const STORE = 'credentials';

function request<T>(run: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const req = run(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        transaction.onerror = transaction.onabort = () => {
          db.close();
          reject(new WalletError('STORAGE_FAILED'));
        };
      }),
  );
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = req.onblocked = () => reject(new WalletError('STORAGE_FAILED'));
  });
}

/**
 * The credentials kept in this browser, newest first. A CryptoKey is stored by structured clone, so
 * the key pair comes back usable and still not extractable.
 */
export async function listCredentials(): Promise<StoredCredential[]> {
  const all = await request((store) => store.getAll() as IDBRequest<StoredCredential[]>, 'readonly');
  return all.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/** One kept credential, or undefined. */
export async function getCredential(id: string): Promise<StoredCredential | undefined> {
  return request((store) => store.get(id) as IDBRequest<StoredCredential | undefined>, 'readonly');
}

/** Keeps a credential (replacing one with the same id). */
export async function putCredential(credential: StoredCredential): Promise<void> {
  await request((store) => store.put(credential), 'readwrite');
}

/** Forgets a credential and its key. */
export async function deleteCredential(id: string): Promise<void> {
  await request((store) => store.delete(id), 'readwrite');
}

/** Asks the browser not to evict the wallet's storage under pressure (best effort). */
export async function persistStorage(): Promise<void> {
  await navigator.storage?.persist?.().catch(() => false);
}
