import { operatorPublicJwkSchema, documentProofSchema as trustProofSchema } from '@passage/trust';
import { describe, expect, it } from 'vitest';
import { operator } from '../testing/fixtures.js';
import { documentProofSchema, operatorKeySchema } from './document-proof.js';

const proof = {
  type: 'JsonWebSignature',
  alg: 'ES256',
  kid: 'abc',
  created: '2024-05-30T00:00:00.000Z',
  jws: 'eyJhbGciOiJFUzI1NiJ9..c2ln',
};

describe('the copies of @passage/trust schemas agree with it', () => {
  it.each([
    ['a proof', proof],
    ['another algorithm', { ...proof, alg: 'RS256' }],
    ['an attached JWS', { ...proof, jws: 'a.b.c' }],
    ['an extra member', { ...proof, extra: 1 }],
    ['no created', { ...proof, created: undefined }],
    ['an empty kid', { ...proof, kid: '' }],
  ])('proof: %s', (_name, value) => {
    expect(documentProofSchema.safeParse(value).success).toBe(trustProofSchema.safeParse(value).success);
  });

  it.each([
    ['the operator key', operator.publicJwk],
    ['a private part', { ...operator.publicJwk, d: operator.publicJwk.x }],
    ['a short x', { ...operator.publicJwk, x: 'abc' }],
    ['another use', { ...operator.publicJwk, use: 'enc' }],
  ])('operator key: %s', (_name, value) => {
    expect(operatorKeySchema.safeParse(value).success).toBe(operatorPublicJwkSchema.safeParse(value).success);
  });
});
