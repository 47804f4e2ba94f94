import type { JsonWebKey } from 'node:crypto';
import type { IIdentifier } from '@veramo/core-types';
import { asPassageKeyType, publicJwkFromHex } from '../keys/key-material.js';
import { verificationMethodId } from './verification-method.js';

/** A DID document as Passage publishes it for did:web authorities. */
export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: { id: string; type: 'JsonWebKey2020'; controller: string; publicKeyJwk: JsonWebKey }[];
  assertionMethod: string[];
  authentication: string[];
}

/** The public key of each of an identifier's keys, under the verification method id it signs with. */
export function publicKeysOf(
  identifier: Pick<IIdentifier, 'did' | 'keys'>,
): { kid: string; publicKeyJwk: JsonWebKey }[] {
  return identifier.keys.map((key) => ({
    kid: verificationMethodId(identifier, key),
    publicKeyJwk: publicJwkFromHex(asPassageKeyType(key.type), key.publicKeyHex),
  }));
}

/** The DID document of a did:web identifier, listing every key as a JsonWebKey2020 assertion method. */
export function didDocumentFor(identifier: Pick<IIdentifier, 'did' | 'keys'>): DidDocument {
  const methods = publicKeysOf(identifier).map(({ kid, publicKeyJwk }) => ({
    id: kid,
    type: 'JsonWebKey2020' as const,
    controller: identifier.did,
    publicKeyJwk,
  }));
  const ids = methods.map((m) => m.id);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: identifier.did,
    verificationMethod: methods,
    assertionMethod: ids,
    authentication: ids,
  };
}
