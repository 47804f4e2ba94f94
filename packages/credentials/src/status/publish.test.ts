import { describe, expect, it } from 'vitest';
import { isCredentialError } from '../errors.js';
import { emptyStatusList, getStatusBit, setStatusBit } from './bits.js';
import { decodeStatusList } from './bitstring.js';
import { buildStatusListCredential } from './publish.js';

const url = 'https://issuer.example/status-lists/abc';
const base = {
  url,
  issuer: 'did:web:issuer.example:authorities:th-moph',
  purpose: 'revocation' as const,
  ttlMs: 300_000,
  validFrom: '2026-01-01T00:00:00Z',
};

describe('buildStatusListCredential', () => {
  it('is a BitstringStatusListCredential whose subject is the list at #list', () => {
    const vc = buildStatusListCredential({ ...base, bits: emptyStatusList() });
    expect(vc.id).toBe(url);
    expect(vc.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(vc.credentialSubject).toMatchObject({
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      ttl: 300_000,
    });
  });

  it('encodes the bits so that a set index decodes as set', () => {
    const bits = emptyStatusList();
    setStatusBit(bits, 94_567, true);
    const { encodedList } = buildStatusListCredential({ ...base, bits }).credentialSubject;
    expect(encodedList.startsWith('u')).toBe(true);
    const decoded = decodeStatusList(encodedList);
    expect(getStatusBit(decoded, 94_567)).toBe(true);
    expect(getStatusBit(decoded, 94_566)).toBe(false);
  });

  it('INVALID_ARGUMENT for a ttl that is not a positive integer', () => {
    let code: string | undefined;
    try {
      buildStatusListCredential({ ...base, bits: emptyStatusList(), ttlMs: 0 });
    } catch (error) {
      code = isCredentialError(error) ? error.code : 'other';
    }
    expect(code).toBe('INVALID_ARGUMENT');
  });
});
