import type { PassageTrustEntry } from './credentials.js';
import { importPublicJwk, type PublicJwkLike, type WebKey } from './web-crypto.js';

/** The trusted Passage issuers and their keys, imported into Web Crypto once. */
export interface WebTrustStore {
  findIssuer(did: string): PassageTrustEntry | undefined;
  /** The key a trusted issuer lists under this verification method id. */
  keyFor(kid: string): WebKey | undefined;
  /** Every key a trusted issuer lists (for JWTs that name no `kid`). */
  keysOf(did: string): readonly WebKey[];
  readonly size: number;
}

/** A verification method of a DID document, as far as key lookup reads it. */
interface MethodLike {
  id?: unknown;
  publicKeyJwk?: unknown;
}

const isJwkLike = (value: unknown): value is PublicJwkLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PublicJwkLike).kty === 'string' &&
  typeof (value as PublicJwkLike).crv === 'string' &&
  typeof (value as PublicJwkLike).x === 'string';

/** Builds a store from parsed Passage entries; keys Web Crypto refuses are left out, as in Node. */
export async function createWebTrustStore(entries: readonly PassageTrustEntry[]): Promise<WebTrustStore> {
  const issuers = new Map<string, PassageTrustEntry>();
  const keys = new Map<string, WebKey>();
  const byIssuer = new Map<string, WebKey[]>();
  for (const entry of entries) {
    issuers.set(entry.did, entry);
    const imported: WebKey[] = [];
    for (const { kid, publicKeyJwk } of entry.keys) {
      const key = await importPublicJwk(publicKeyJwk);
      if (!key) continue;
      keys.set(kid, key);
      imported.push(key);
    }
    byIssuer.set(entry.did, imported);
  }
  return {
    findIssuer: (did) => issuers.get(did),
    keyFor: (kid) => keys.get(kid),
    keysOf: (did) => byIssuer.get(did) ?? [],
    size: issuers.size,
  };
}

/**
 * A store that also knows, for trusted issuers listed without keys, the keys of their DID documents
 * (from the bundle): as `withResolvedKeys` of `@passage/credentials` does for one issuer online.
 */
export async function withDocumentKeys(
  trust: WebTrustStore,
  documents: ReadonlyMap<string, Record<string, unknown>>,
): Promise<WebTrustStore> {
  const keys = new Map<string, WebKey>();
  const byIssuer = new Map<string, WebKey[]>();
  for (const [did, document] of documents) {
    const entry = trust.findIssuer(did);
    if (!entry || entry.keys.length > 0) continue;
    const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod : [];
    const imported: WebKey[] = [];
    for (const method of methods as MethodLike[]) {
      if (typeof method?.id !== 'string' || !isJwkLike(method.publicKeyJwk)) continue;
      const id = method.id.startsWith('#') ? `${did}${method.id}` : method.id;
      if (!id.startsWith(`${did}#`)) continue;
      const key = await importPublicJwk(method.publicKeyJwk);
      if (!key) continue;
      keys.set(id, key);
      imported.push(key);
    }
    byIssuer.set(did, imported);
  }
  return {
    findIssuer: (did) => trust.findIssuer(did),
    keyFor: (kid) => trust.keyFor(kid) ?? keys.get(kid),
    keysOf: (did) => byIssuer.get(did) ?? trust.keysOf(did),
    size: trust.size,
  };
}
