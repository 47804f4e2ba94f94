import { generateKeyPairSync } from 'node:crypto';
import { isCredentialError } from '@passage/credentials';
import { describe, expect, it } from 'vitest';
import { prepareShcTrust } from './trust.js';
import { indexShcCrl } from './trust-list.js';

const ISS = 'https://issuer.example';
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES256', use: 'sig', crlVersion: 2 };
const crl = { kid: 'k1', method: 'rid', ctr: 2, rids: ['aaa', 'bbb.1700000000', 'bbb.1600000000'] };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isCredentialError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('SHC trust entries', () => {
  it('imports the keys once per trust list', () => {
    const entries = [{ framework: 'shc', iss: ISS, keys: [jwk] }, { framework: 'dcc' }];
    const trust = prepareShcTrust(entries);
    expect(trust.get(ISS)?.keys.get('k1')?.crlVersion).toBe(2);
    expect(prepareShcTrust(entries)).toBe(trust);
  });

  it('reads a CRL given alone, in a list, or by kid', () => {
    for (const form of [crl, [crl], { k1: crl }]) {
      const trust = prepareShcTrust([{ framework: 'shc', iss: ISS, keys: [jwk], crl: form }]);
      expect(trust.get(ISS)?.crls.get('k1')?.ctr).toBe(2);
    }
  });

  it('skips keys that are not ES256 signing keys', () => {
    const rsa = { kty: 'RSA', kid: 'r1', n: 'AQAB', e: 'AQAB' };
    const trust = prepareShcTrust([{ framework: 'shc', iss: ISS, keys: [rsa, jwk] }]);
    expect([...(trust.get(ISS)?.keys.keys() ?? [])]).toEqual(['k1']);
  });

  it('refuses a private key in the trust list', () => {
    const leaked = { ...privateKey.export({ format: 'jwk' }), kid: 'k1' };
    expect(codeOf(() => prepareShcTrust([{ framework: 'shc', iss: ISS, keys: [leaked] }]))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('refuses an iss with a trailing slash or without https', () => {
    expect(codeOf(() => prepareShcTrust([{ framework: 'shc', iss: `${ISS}/`, keys: [jwk] }]))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => prepareShcTrust([{ framework: 'shc', iss: 'http://x.example', keys: [jwk] }]))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('indexShcCrl', () => {
  it('keeps, per rid, the latest time before which cards are revoked', () => {
    const index = indexShcCrl(crl);
    expect(index.revokedBefore.get('aaa')).toBe(Number.POSITIVE_INFINITY);
    expect(index.revokedBefore.get('bbb')).toBe(1700000000);
  });

  it('ignores entries whose timestamp is not a number', () => {
    const index = indexShcCrl({ ...crl, rids: ['ccc.soon', '.123', 'ddd.'] });
    expect(index.revokedBefore.size).toBe(0);
  });
});
