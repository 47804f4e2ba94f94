import { sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { IKey, ManagedKeyInfo, MinimalImportableKey, TKeyType } from '@veramo/core-types';
import { AbstractKeyManagementSystem, type AbstractPrivateKeyStore } from '@veramo/key-manager';
import { CredentialError } from '../errors.js';
import {
  algorithmFor,
  asPassageKeyType,
  generateRawKeyPair,
  type PassageKeyType,
  privateKeyObject,
  publicKeyHexOf,
} from './key-material.js';

/** The name this KMS is registered under in the agent. */
export const PASSAGE_KMS = 'node-crypto';

/**
 * A Veramo key management system that signs with `node:crypto` (native code) instead of Veramo's
 * pure-JavaScript signers. Private keys live in the given private key store, which encrypts them at
 * rest; decoded KeyObjects are cached so that signing does not re-import a key each time.
 */
export class NodeCryptoKms extends AbstractKeyManagementSystem {
  readonly #store: AbstractPrivateKeyStore;
  readonly #cache = new Map<string, { type: PassageKeyType; key: KeyObject }>();

  constructor(privateKeyStore: AbstractPrivateKeyStore) {
    super();
    this.#store = privateKeyStore;
  }

  async createKey(args: { type: TKeyType; meta?: Record<string, unknown> }): Promise<ManagedKeyInfo> {
    const type = asPassageKeyType(args.type);
    return this.#save(type, generateRawKeyPair(type).privateKeyHex, args.meta);
  }

  async importKey(args: Exclude<MinimalImportableKey, 'kms'>): Promise<ManagedKeyInfo> {
    const type = asPassageKeyType(args.type);
    return this.#save(type, args.privateKeyHex.toLowerCase(), args.meta ?? undefined);
  }

  async listKeys(): Promise<ManagedKeyInfo[]> {
    const keys = await this.#store.listKeys({});
    return keys.map((k) => {
      const type = asPassageKeyType(k.type);
      return { kid: k.alias, kms: PASSAGE_KMS, type, publicKeyHex: publicKeyHexOf(type, k.privateKeyHex) };
    });
  }

  async deleteKey(args: { kid: string }): Promise<boolean> {
    this.#cache.delete(args.kid);
    return this.#store.deleteKey({ alias: args.kid });
  }

  /** Signs `data` and answers the signature in base64url, as JOSE and Veramo's JWT signers expect. */
  async sign(args: { keyRef: Pick<IKey, 'kid'>; algorithm?: string; data: Uint8Array }): Promise<string> {
    const { type, key } = await this.#keyFor(args.keyRef.kid);
    const algorithm = algorithmFor(type);
    if (
      args.algorithm !== undefined &&
      args.algorithm !== algorithm &&
      !(algorithm === 'EdDSA' && args.algorithm === 'Ed25519')
    ) {
      throw new CredentialError(
        'ALGORITHM_NOT_ALLOWED',
        `a ${type} key cannot sign with the requested algorithm`,
      );
    }
    return signWith(type, key, args.data).toString('base64url');
  }

  async sharedSecret(): Promise<string> {
    throw new CredentialError('KEY_TYPE_UNSUPPORTED', 'this KMS does not do key agreement');
  }

  /** The cached signing key for a managed key id. */
  async signingKey(kid: string): Promise<{ type: PassageKeyType; key: KeyObject }> {
    return this.#keyFor(kid);
  }

  /** The signing key for `kid` if it is already decoded, without touching the store. */
  cachedSigningKey(kid: string): { type: PassageKeyType; key: KeyObject } | undefined {
    return this.#cache.get(kid);
  }

  async #save(
    type: PassageKeyType,
    privateKeyHex: string,
    meta: Record<string, unknown> | undefined,
  ): Promise<ManagedKeyInfo> {
    const publicKeyHex = publicKeyHexOf(type, privateKeyHex);
    await this.#store.importKey({ alias: publicKeyHex, type, privateKeyHex });
    return {
      kid: publicKeyHex,
      kms: PASSAGE_KMS,
      type,
      publicKeyHex,
      meta: { algorithms: [algorithmFor(type)], ...(meta ?? {}) },
    };
  }

  async #keyFor(kid: string): Promise<{ type: PassageKeyType; key: KeyObject }> {
    const cached = this.#cache.get(kid);
    if (cached) return cached;
    let stored: Awaited<ReturnType<AbstractPrivateKeyStore['getKey']>>;
    try {
      stored = await this.#store.getKey({ alias: kid });
    } catch (cause) {
      throw new CredentialError('KEY_NOT_MANAGED', 'no private key is held for this key id', { cause });
    }
    const type = asPassageKeyType(stored.type);
    const entry = { type, key: privateKeyObject(type, stored.privateKeyHex) };
    this.#cache.set(kid, entry);
    return entry;
  }
}

/** Signs with node:crypto: ES256 as raw r||s (JOSE's form), Ed25519 as pure EdDSA. */
export function signWith(type: PassageKeyType, key: KeyObject, data: Uint8Array): Buffer {
  return type === 'Ed25519'
    ? cryptoSign(null, data, key)
    : cryptoSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
}
