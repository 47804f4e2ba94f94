import { MemoryDIDStore } from '@veramo/did-manager';
import { MemoryKeyStore, MemoryPrivateKeyStore } from '@veramo/key-manager';
import type { PassageStores } from '../agent.js';

/** In-memory key, private key and DID stores, for tests and the CLI's throwaway keys. */
export function createMemoryStores(): PassageStores {
  return {
    keyStore: new MemoryKeyStore(),
    privateKeyStore: new MemoryPrivateKeyStore(),
    didStore: new MemoryDIDStore(),
  };
}
