import { describe, expect, it } from 'vitest';
import { checkCredentialModel, isAbsoluteUrl } from './vcdm2.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const base = {
  '@context': [V2],
  type: ['VerifiableCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: 'did:example:subject' },
};
const paths = (value: unknown) => checkCredentialModel(value).map((i) => i.path);

describe('checkCredentialModel (VC Data Model 2.0)', () => {
  it.each([
    ['the minimal credential', base],
    [
      'an issuer object with a name and a language-tagged description',
      {
        ...base,
        issuer: {
          id: 'https://issuer.example',
          name: 'Ministry',
          description: { '@value': 'Santé', '@language': 'fr' },
        },
      },
    ],
    [
      'more contexts, URLs and objects',
      { ...base, '@context': [V2, 'https://example.org/ctx/v1', { Ex: 'https://example.org#Ex' }] },
    ],
    [
      'a mapped extra type',
      { ...base, '@context': [V2, { Ex: 'https://example.org#Ex' }], type: ['VerifiableCredential', 'Ex'] },
    ],
    [
      'an extra type under the base context @vocab',
      { ...base, type: ['VerifiableCredential', 'ExampleCredential'] },
    ],
    ['a urn:uuid id', { ...base, id: 'urn:uuid:0b5d2a36-2c35-4b36-9a6f-8a5d0a9e3f10' }],
    ['several subjects', { ...base, credentialSubject: [{ id: 'did:example:a' }, { name: 'B' }] }],
    [
      'a validity window (equal bounds allowed)',
      { ...base, validFrom: '2024-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z' },
    ],
    ['a status entry without an id', { ...base, credentialStatus: { type: 'ExampleStatus' } }],
    [
      'schemas, refresh, terms of use and evidence',
      {
        ...base,
        credentialSchema: [{ id: 'https://example.org/schema.json', type: 'JsonSchema' }],
        refreshService: { id: 'https://example.org/refresh', type: 'ExampleRefresh' },
        termsOfUse: { type: 'ExampleTerms' },
        evidence: [{ type: ['Evidence'] }],
      },
    ],
  ])('accepts %s', (_name, credential) => {
    expect(checkCredentialModel(credential)).toEqual([]);
  });

  it.each([
    ['no @context', { ...base, '@context': undefined }, '@context'],
    ['@context not an array', { ...base, '@context': V2 }, '@context'],
    ['the base context not first', { ...base, '@context': ['https://example.org/ctx', V2] }, '@context.0'],
    ['a context that is not a URL', { ...base, '@context': [V2, 'https ://not a url'] }, '@context.1'],
    ['a context that is a number', { ...base, '@context': [V2, 4] }, '@context.1'],
    ['an id that is not a URL', { ...base, id: 'not a url' }, 'id'],
    ['several ids', { ...base, id: ['urn:a:1', 'urn:a:2'] }, 'id'],
    ['no type', { ...base, type: undefined }, 'type'],
    ['type not an array', { ...base, type: 'VerifiableCredential' }, 'type'],
    ['type without VerifiableCredential', { ...base, type: ['Other'] }, 'type'],
    [
      'a type mapped to a non-URL',
      { ...base, '@context': [V2, { Ex: 'https ://x#Ex' }], type: ['VerifiableCredential', 'Ex'] },
      'type',
    ],
    [
      'an unmapped type with @vocab off',
      { ...base, '@context': [V2, { '@vocab': null }], type: ['VerifiableCredential', 'Ex'] },
      'type',
    ],
    ['no issuer', { ...base, issuer: undefined }, 'issuer'],
    ['an issuer that is not a URL', { ...base, issuer: 'not a url' }, 'issuer'],
    ['a null issuer', { ...base, issuer: null }, 'issuer'],
    ['an issuer object without an id', { ...base, issuer: { name: 'x' } }, 'issuer.id'],
    ['an issuer name that is a number', { ...base, issuer: { id: 'did:example:i', name: 4 } }, 'issuer.name'],
    ['no subject', { ...base, credentialSubject: undefined }, 'credentialSubject'],
    ['a subject with no claim', { ...base, credentialSubject: {} }, 'credentialSubject'],
    [
      'an empty subject among several',
      { ...base, credentialSubject: [{ id: 'did:example:a' }, {}] },
      'credentialSubject.1',
    ],
    [
      'a subject with two ids',
      { ...base, credentialSubject: { id: ['did:example:a', 'did:example:b'] } },
      'credentialSubject.id',
    ],
    ['validFrom without a time zone', { ...base, validFrom: '2024-01-01T00:00:00' }, 'validFrom'],
    [
      'validUntil before validFrom',
      { ...base, validFrom: '2025-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z' },
      'validUntil',
    ],
    ['a name that is a number', { ...base, name: 4 }, 'name'],
    [
      'a description with a bad direction',
      { ...base, description: { '@value': 'x', '@direction': 'up' } },
      'description',
    ],
    [
      'a status entry without a type',
      { ...base, credentialStatus: { id: 'https://example.org/s' } },
      'credentialStatus.type',
    ],
    [
      'a status entry whose type is a number',
      { ...base, credentialStatus: { type: 2 } },
      'credentialStatus.type',
    ],
    [
      'a status entry with two ids',
      { ...base, credentialStatus: { id: ['urn:a:1', 'urn:a:2'], type: 'S' } },
      'credentialStatus.id',
    ],
    ['a schema without an id', { ...base, credentialSchema: { type: 'JsonSchema' } }, 'credentialSchema.id'],
    ['a refresh service without an id', { ...base, refreshService: { type: 'R' } }, 'refreshService.id'],
    [
      'terms of use without a type',
      { ...base, termsOfUse: { id: 'https://example.org/t' } },
      'termsOfUse.type',
    ],
    ['evidence without a type', { ...base, evidence: [{ id: 'https://example.org/e' }] }, 'evidence.0.type'],
  ])('refuses %s', (_name, credential, path) => {
    expect(paths(credential)).toContain(path);
  });

  it('lets an issuer leave the issuer out, and refuses what is not an object', () => {
    expect(checkCredentialModel({ ...base, issuer: undefined }, { issuerOptional: true })).toEqual([]);
    expect(paths(null)).toEqual(['']);
    expect(paths([base])).toEqual(['']);
  });

  it('never echoes the values it refuses', () => {
    const secret = 'Somchai Jaidee';
    const issues = checkCredentialModel({ ...base, id: secret, name: 7, issuer: secret });
    expect(issues.length).toBeGreaterThan(1);
    expect(JSON.stringify(issues)).not.toContain(secret);
  });
});

describe('isAbsoluteUrl', () => {
  it.each([
    ['https://example.org/a?b=c#d', true],
    ['did:web:issuer.example:authorities:moh', true],
    ['urn:uuid:0b5d2a36-2c35-4b36-9a6f-8a5d0a9e3f10', true],
    ['https ://not-a-url', false],
    ['https://exa mple.org', false],
    ['https://[::1', false],
    ['relative/path', false],
    ['urn:x:\u0007bell', false],
    ['', false],
  ])('%j is %s', (value, expected) => {
    expect(isAbsoluteUrl(value)).toBe(expected);
  });
});
