import type { JsonWebKey } from 'node:crypto';
import type { CredentialType } from '@passage/schema';
import type { IIdentifier } from '@veramo/core-types';
import { publicKeysOf } from '../did/document.js';
import { type VerificationKey, verificationKeyFromJwk } from '../jws/signature.js';
import type { ForeignFramework, PassageTrustEntry } from './trust-file.js';

/** What a verifier knows of its trusted issuers. Lookups are by map, so cost stays flat as lists grow. */
export interface TrustStore {
  /** The trust entry of an issuer DID, if it is trusted. */
  findIssuer(did: string): PassageTrustEntry | undefined;
  /** The imported public key a trusted issuer lists under this verification method id. */
  keyFor(kid: string): VerificationKey | undefined;
  /** Every imported key a trusted issuer lists (for JWTs that name no `kid`). */
  keysOf(did: string): readonly VerificationKey[];
  /** How many issuers are trusted. */
  readonly size: number;
}

/** A parsed entry as a store takes it: `status` may be left out (it is then `active`). */
export type TrustStoreEntry = Omit<PassageTrustEntry, 'status'> & Partial<Pick<PassageTrustEntry, 'status'>>;

/**
 * Builds a trust store from a parsed trust file (or trust list's entries), importing every key once.
 * Entries of other frameworks (`dcc`, `shc`, `icao`) are skipped: their formats build their own trust.
 */
export function createTrustStore(file: {
  entries: readonly (TrustStoreEntry | { readonly framework: ForeignFramework })[];
}): TrustStore {
  const issuers = new Map<string, PassageTrustEntry>();
  const keys = new Map<string, VerificationKey>();
  const byIssuer = new Map<string, VerificationKey[]>();
  for (const listed of file.entries) {
    if (listed.framework !== 'passage') continue;
    const entry: PassageTrustEntry = { ...listed, status: listed.status ?? 'active' };
    issuers.set(entry.did, entry);
    const own: VerificationKey[] = [];
    for (const key of entry.keys) {
      if (!key.kid.startsWith(`${entry.did}#`)) continue;
      const imported = verificationKeyFromJwk(key.publicKeyJwk as JsonWebKey);
      keys.set(key.kid, imported);
      own.push(imported);
    }
    byIssuer.set(entry.did, own);
  }
  return {
    findIssuer: (did) => issuers.get(did),
    keyFor: (kid) => keys.get(kid),
    keysOf: (did) => byIssuer.get(did) ?? [],
    get size() {
      return issuers.size;
    },
  };
}

/**
 * The trust entry for an authority's DID: what `passage authority create` prints for the verifier's
 * trust file.
 */
export function trustEntryFor(
  identifier: Pick<IIdentifier, 'did' | 'keys'>,
  facts: { name: string; economy: string; types: CredentialType[] },
): PassageTrustEntry {
  return {
    framework: 'passage',
    did: identifier.did,
    name: facts.name,
    economy: facts.economy,
    types: facts.types,
    status: 'active',
    keys: publicKeysOf(identifier).map(({ kid, publicKeyJwk }) => ({
      kid,
      publicKeyJwk: publicKeyJwk as PassageTrustEntry['keys'][number]['publicKeyJwk'],
    })),
  };
}
