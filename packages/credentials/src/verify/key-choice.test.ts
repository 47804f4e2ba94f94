import { describe, expect, it } from 'vitest';
import { chooseKeys, methodIdOf } from './key-choice.js';

const issuer = 'did:web:issuer.example';
const store = {
  findIssuer: (did: string) => (did === issuer ? {} : undefined),
  keyFor: (kid: string) => (kid === `${issuer}#key-1` ? 'K1' : undefined),
  keysOf: (did: string) => (did === issuer ? ['K1'] : []),
};
const none = () => undefined;

describe('methodIdOf and chooseKeys', () => {
  it.each([
    [`${issuer}#key-1`, `${issuer}#key-1`],
    ['#key-1', `${issuer}#key-1`],
    ['key-1', `${issuer}#key-1`],
    ['did:web:other.example#key-1', 'did:web:other.example#key-1'],
    ['', ''],
    [4, 4],
  ])('reads kid %j as %j', (kid, id) => {
    expect(methodIdOf(issuer, kid)).toBe(id);
  });

  it("finds the issuer's key from an absolute, a #fragment or a bare kid", () => {
    for (const kid of [`${issuer}#key-1`, '#key-1', 'key-1']) {
      expect(chooseKeys(store, issuer, kid, true, none)).toEqual({ keys: ['K1'] });
    }
  });

  it("never reaches another issuer's keys, whatever the kid", () => {
    for (const kid of ['did:web:other.example#key-1', 'https://other.example#key-1', 'key-2', 4]) {
      expect(chooseKeys(store, issuer, kid, true, none)).toMatchObject({ code: 'KEY_NOT_FOUND' });
    }
  });
});
