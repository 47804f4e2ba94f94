import { describe, expect, it } from 'vitest';
import { keysFromDidDocument } from './did-document-keys.js';
import { generateOperatorKey } from './operator-key.js';

const did = 'did:web:health.example:authorities:moph';
const { kid: _kid, alg: _alg, use: _use, ...jwk } = generateOperatorKey().publicJwk;
const document = {
  id: did,
  verificationMethod: [
    { id: `${did}#key-1`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk },
    { id: '#key-2', type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk },
    { id: `${did}#auth`, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk },
  ],
  assertionMethod: [`${did}#key-1`, '#key-2'],
};

describe('keysFromDidDocument', () => {
  it('takes the assertion methods, under their full ids', () => {
    expect(keysFromDidDocument(document, did).map((k) => k.kid)).toEqual([`${did}#key-1`, `${did}#key-2`]);
  });

  it("refuses another DID's document", () => {
    expect(() => keysFromDidDocument(document, 'did:web:other.example')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('refuses a document whose keys are not P-256 or Ed25519', () => {
    const rsa = {
      ...document,
      verificationMethod: [{ id: `${did}#key-1`, publicKeyJwk: { kty: 'RSA', n: 'x', e: 'AQAB' } }],
    };
    expect(() => keysFromDidDocument(rsa, did)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
