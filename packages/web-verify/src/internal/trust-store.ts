import type { KeyLookup, PassageTrustEntry } from './credentials.js';
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

/** The keys a DID document lists for its own DID (`#…` or `did#…` methods), imported into Web Crypto. */
async function importDocumentKeys(
  did: string,
  document: Record<string, unknown>,
): Promise<Map<string, WebKey>> {
  const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod : [];
  const keys = new Map<string, WebKey>();
  for (const method of methods as MethodLike[]) {
    if (typeof method?.id !== 'string' || !isJwkLike(method.publicKeyJwk)) continue;
    const id = method.id.startsWith('#') ? `${did}${method.id}` : method.id;
    if (!id.startsWith(`${did}#`)) continue;
    const key = await importPublicJwk(method.publicKeyJwk);
    if (key) keys.set(id, key);
  }
  return keys;
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
    const imported = await importDocumentKeys(did, document);
    for (const [id, key] of imported) keys.set(id, key);
    byIssuer.set(did, [...imported.values()]);
  }
  return {
    findIssuer: (did) => trust.findIssuer(did),
    keyFor: (kid) => trust.keyFor(kid) ?? keys.get(kid),
    keysOf: (did) => byIssuer.get(did) ?? trust.keysOf(did),
    size: trust.size,
  };
}

/**
 * The keys of one DID document, for checking what its DID signed without a trust list (a holder
 * checking its issuer): the document's `id` is the one issuer known. Undefined for what is not a
 * DID document.
 */
export async function documentKeyLookup(
  document: unknown,
): Promise<{ issuer: string; lookup: KeyLookup<WebKey> } | undefined> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const issuer = (document as { id?: unknown }).id;
  if (typeof issuer !== 'string') return undefined;
  const keys = await importDocumentKeys(issuer, document as Record<string, unknown>);
  return {
    issuer,
    lookup: {
      findIssuer: (did) => (did === issuer ? issuer : undefined),
      keyFor: (kid) => keys.get(kid),
      keysOf: (did) => (did === issuer ? [...keys.values()] : []),
    },
  };
}
