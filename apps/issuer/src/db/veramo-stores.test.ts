import type { IIdentifier } from '@veramo/core-types';
import { type AbstractDIDStore, MemoryDIDStore } from '@veramo/did-manager';
import {
  type AbstractKeyStore,
  type AbstractPrivateKeyStore,
  MemoryKeyStore,
  MemoryPrivateKeyStore,
} from '@veramo/key-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssuerDatabase } from './database.js';
import { createSecretBox } from './secret-box.js';
import { openMigrated } from './test-db.js';
import { SqlDidStore } from './veramo-did-store.js';
import { SqlKeyStore, SqlPrivateKeyStore } from './veramo-key-store.js';

const SECRET = 'q3Vx8T2mN9pL4rK7wZ1yB6cD5fG0hJ2s';
const PRIVATE_HEX = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const PUBLIC_HEX = '04a1b2c3d4e5f6';
const KEY = {
  kid: 'kid-1',
  kms: 'local',
  type: 'Secp256r1',
  publicKeyHex: PUBLIC_HEX,
  meta: { algorithms: ['ES256'] },
};

const IDENTIFIER: IIdentifier = {
  did: 'did:web:issuer.example:th-moph',
  alias: 'issuer.example:th-moph',
  provider: 'did:web',
  controllerKeyId: 'kid-1',
  keys: [{ ...KEY, privateKeyHex: PRIVATE_HEX }],
  services: [{ id: '#status', type: 'StatusList', serviceEndpoint: 'https://issuer.example/status' }],
};

interface Stores {
  keys: AbstractKeyStore;
  privateKeys: AbstractPrivateKeyStore;
  dids: AbstractDIDStore;
}

let opened: IssuerDatabase | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const implementations: Array<[string, () => Promise<Stores>]> = [
  [
    'Memory (Veramo reference)',
    async () => ({
      keys: new MemoryKeyStore(),
      privateKeys: new MemoryPrivateKeyStore(),
      dids: new MemoryDIDStore(),
    }),
  ],
  [
    'Sql',
    async () => {
      opened = await openMigrated();
      const box = createSecretBox(SECRET);
      return {
        keys: new SqlKeyStore(opened.db),
        privateKeys: new SqlPrivateKeyStore(opened.db, box),
        dids: new SqlDidStore(opened.db),
      };
    },
  ],
];

describe.each(implementations)('Veramo stores conformance: %s', (_name, make) => {
  let stores: Stores;
  beforeEach(async () => {
    stores = await make();
  });

  it('key store: import, get, list, overwrite, delete', async () => {
    expect(await stores.keys.importKey(KEY)).toBe(true);
    expect(await stores.keys.getKey({ kid: 'kid-1' })).toEqual(KEY);
    expect(await stores.keys.listKeys({})).toEqual([KEY]);
    await stores.keys.importKey({ ...KEY, kms: 'other' });
    expect((await stores.keys.getKey({ kid: 'kid-1' })).kms).toBe('other');
    expect(await stores.keys.deleteKey({ kid: 'kid-1' })).toBe(true);
    expect(await stores.keys.listKeys({})).toEqual([]);
  });

  it('key store: get of an unknown kid throws', async () => {
    await expect(stores.keys.getKey({ kid: 'missing' })).rejects.toThrow(/not found/i);
  });

  it('private key store: import, get, list, delete', async () => {
    const stored = await stores.privateKeys.importKey({
      alias: 'a1',
      type: 'Secp256r1',
      privateKeyHex: PRIVATE_HEX,
    });
    expect(stored).toEqual({ alias: 'a1', type: 'Secp256r1', privateKeyHex: PRIVATE_HEX });
    expect(await stores.privateKeys.getKey({ alias: 'a1' })).toEqual(stored);
    expect(await stores.privateKeys.listKeys({})).toEqual([stored]);
    expect(await stores.privateKeys.deleteKey({ alias: 'a1' })).toBe(true);
    await expect(stores.privateKeys.getKey({ alias: 'a1' })).rejects.toThrow(/^not_found/);
  });

  it('private key store: generates an alias when none is given', async () => {
    const stored = await stores.privateKeys.importKey({ type: 'Ed25519', privateKeyHex: PRIVATE_HEX });
    expect(stored.alias).toMatch(/^[0-9a-f-]{36}$/);
    expect((await stores.privateKeys.getKey({ alias: stored.alias })).privateKeyHex).toBe(PRIVATE_HEX);
  });

  it('private key store: re-import of the same key is fine, different material is refused', async () => {
    await stores.privateKeys.importKey({ alias: 'a1', type: 'Secp256r1', privateKeyHex: PRIVATE_HEX });
    await expect(
      stores.privateKeys.importKey({ alias: 'a1', type: 'Secp256r1', privateKeyHex: PRIVATE_HEX }),
    ).resolves.toMatchObject({ alias: 'a1' });
    await expect(
      stores.privateKeys.importKey({ alias: 'a1', type: 'Secp256r1', privateKeyHex: '00'.repeat(32) }),
    ).rejects.toThrow(/^key_already_exists/);
  });

  it('DID store: import drops private keys; get by did and alias; list with filters; delete', async () => {
    const original = structuredClone(IDENTIFIER);
    expect(await stores.dids.importDID(original)).toBe(true);
    const expected = { ...IDENTIFIER, keys: [KEY] };
    expect(await stores.dids.getDID({ did: IDENTIFIER.did })).toEqual(expected);
    expect(await stores.dids.getDID({ alias: 'issuer.example:th-moph' })).toEqual(expected);
    expect(await stores.dids.listDIDs({})).toEqual([expected]);
    expect(await stores.dids.listDIDs({ provider: 'did:web' })).toHaveLength(1);
    expect(await stores.dids.listDIDs({ provider: 'did:key' })).toEqual([]);
    expect(await stores.dids.listDIDs({ alias: 'other' })).toEqual([]);
    expect(await stores.dids.deleteDID({ did: IDENTIFIER.did })).toBe(true);
    expect(await stores.dids.listDIDs({})).toEqual([]);
  });

  it('DID store: import overwrites an existing DID', async () => {
    await stores.dids.importDID(structuredClone(IDENTIFIER));
    await stores.dids.importDID({ ...structuredClone(IDENTIFIER), services: [] });
    expect((await stores.dids.getDID({ did: IDENTIFIER.did })).services).toEqual([]);
  });

  it('DID store: get of an unknown did or alias throws not_found', async () => {
    await expect(stores.dids.getDID({ did: 'did:web:missing' })).rejects.toThrow(/^not_found/);
    await expect(stores.dids.getDID({ alias: 'missing' })).rejects.toThrow(/^not_found/);
  });
});

describe('SqlPrivateKeyStore at rest', () => {
  it('never writes the private key in clear', async () => {
    opened = await openMigrated();
    const store = new SqlPrivateKeyStore(opened.db, createSecretBox(SECRET));
    await store.importKey({ alias: 'a1', type: 'Secp256r1', privateKeyHex: PRIVATE_HEX });
    const rows = await opened.db.selectFrom('veramo_private_keys').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.ciphertext).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain(PRIVATE_HEX);
  });

  it('cannot read keys under another secret: DECRYPTION_FAILED', async () => {
    opened = await openMigrated();
    await new SqlPrivateKeyStore(opened.db, createSecretBox(SECRET)).importKey({
      alias: 'a1',
      type: 'Secp256r1',
      privateKeyHex: PRIVATE_HEX,
    });
    const wrong = new SqlPrivateKeyStore(opened.db, createSecretBox('Zk4Pq8Ws2Er6Ty0Ui3Op7As1Df5Gh9Jk'));
    await expect(wrong.getKey({ alias: 'a1' })).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
  });

  it('DID store keeps no private key in its table', async () => {
    opened = await openMigrated();
    await new SqlDidStore(opened.db).importDID(structuredClone(IDENTIFIER));
    const rows = await opened.db.selectFrom('veramo_dids').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(PRIVATE_HEX);
  });
});
