import type { JsonWebKey } from 'node:crypto';
import type { DIDDocument, Resolvable } from 'did-resolver';
import { type VerificationKey, verificationKeyFromJwk } from '../jws/signature.js';
import type { TrustStore } from '../trust/trust-store.js';

/**
 * A trust store that, for trusted issuers listed without keys, looks their keys up in their DID
 * documents through did-resolver (which caches). Only trusted DIDs are ever resolved.
 */
export async function withResolvedKeys(
  trust: TrustStore,
  issuer: string,
  resolver: Resolvable,
): Promise<TrustStore> {
  const entry = trust.findIssuer(issuer);
  if (!entry || entry.keys.length > 0) return trust;
  const { didDocument } = await resolver.resolve(issuer);
  if (!didDocument) return trust;
  const keys = importedKeys.get(didDocument) ?? importKeys(issuer, didDocument);
  importedKeys.set(didDocument, keys);
  return {
    findIssuer: (did) => trust.findIssuer(did),
    keyFor: (kid) => trust.keyFor(kid) ?? keys.get(kid),
    keysOf: (did) => (did === issuer ? [...keys.values()] : trust.keysOf(did)),
    get size() {
      return trust.size;
    },
  };
}

// did-resolver's cache hands back the same document object, so its keys are imported once.
const importedKeys = new WeakMap<DIDDocument, Map<string, VerificationKey>>();

function importKeys(issuer: string, didDocument: DIDDocument): Map<string, VerificationKey> {
  const keys = new Map<string, VerificationKey>();
  for (const method of didDocument.verificationMethod ?? []) {
    const id = method.id.startsWith('#') ? `${issuer}${method.id}` : method.id;
    if (!id.startsWith(`${issuer}#`) || !method.publicKeyJwk) continue;
    try {
      keys.set(id, verificationKeyFromJwk(method.publicKeyJwk as JsonWebKey));
    } catch {
      // a key Passage cannot use (another curve) is skipped, not fatal
    }
  }
  return keys;
}
