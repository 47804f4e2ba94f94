import { describe, expect, it } from 'vitest';
import { didDocumentUrl } from './issuer-signature.js';

describe('didDocumentUrl', () => {
  it.each([
    [
      'did:web:127.0.0.1%3A4001:authorities:moph',
      'http://127.0.0.1:4001',
      'http://127.0.0.1:4001/authorities/moph/did.json',
    ],
    ['did:web:issuer.example', 'https://issuer.example', 'https://issuer.example/.well-known/did.json'],
    [
      'did:web:issuer.example:a:b%20c',
      'https://issuer.example/path',
      'https://issuer.example/a/b%20c/did.json',
    ],
  ])('%s from %s is %s', (did, issuerUrl, url) => {
    expect(didDocumentUrl(did, issuerUrl)).toBe(url);
  });

  it.each([
    ['did:web:other.example:authorities:x', 'https://issuer.example'],
    ['did:web:issuer.example%3A444', 'https://issuer.example'],
    ['did:jwk:eyJ9', 'https://issuer.example'],
  ])('nothing for %s, which is not served by %s', (did, issuerUrl) => {
    expect(didDocumentUrl(did, issuerUrl)).toBeUndefined();
  });
});
