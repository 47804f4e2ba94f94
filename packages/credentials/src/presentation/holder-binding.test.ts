import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { holderIsSubject } from './holder-binding.js';

const didJwkOf = (jwk: object) => `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString('base64url')}`;
const mine = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
const theirs = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
const holder = didJwkOf(mine);

describe('holderIsSubject', () => {
  it('finds the holder among the subjects, one or several', () => {
    expect(holderIsSubject({ credentialSubject: { id: holder } }, holder)).toBe(true);
    expect(holderIsSubject({ credentialSubject: [{ id: 'did:example:a' }, { id: holder }] }, holder)).toBe(
      true,
    );
    expect(holderIsSubject({ credentialSubject: { id: 'did:example:a' } }, holder)).toBe(false);
    expect(holderIsSubject({ credentialSubject: { name: 'no id' } }, holder)).toBe(false);
  });

  it("takes a credential bound to the holder's key (cnf.jwk), and no other key", () => {
    expect(holderIsSubject({ credentialSubject: {}, cnf: { jwk: { ...mine, kid: 'x' } } }, holder)).toBe(
      true,
    );
    expect(holderIsSubject({ credentialSubject: {}, cnf: { jwk: theirs } }, holder)).toBe(false);
    expect(holderIsSubject({ credentialSubject: {}, cnf: { jwk: {} } }, holder)).toBe(false);
    expect(holderIsSubject({ cnf: { jwk: mine } }, 'did:web:example.com')).toBe(false);
  });

  it('answers false without a credential', () => {
    expect(holderIsSubject(undefined, holder)).toBe(false);
  });
});
