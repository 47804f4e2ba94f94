import { addIssuer, createTrustList, generateOperatorKey, signTrustList } from '@passage/trust';
import { describe, expect, it } from 'vitest';
import { createVerifierData } from './data.js';

const operator = generateOperatorKey();
const entry = (did: string) => ({
  framework: 'passage' as const,
  did,
  name: 'Authority',
  economy: 'THA',
  types: ['VaccinationCertificate' as const],
});
const signedAt = new Date('2026-06-01T00:00:00Z');
const v1 = signTrustList(
  addIssuer(createTrustList('Op', signedAt), entry('did:web:a.example')),
  operator.privateJwk,
  {
    now: signedAt,
  },
);
const v2 = signTrustList(addIssuer(v1, entry('did:web:b.example')), operator.privateJwk, { now: signedAt });

describe('createVerifierData: sources()', () => {
  it('is built once per second and per update offered, accepted or refused', () => {
    let clock = new Date('2026-06-01T00:00:10.200Z');
    const data = createVerifierData({ operatorKeys: [operator.publicJwk], network: false, now: () => clock });
    expect(data.sources().trustList).toEqual({ source: 'none' });
    data.loadBundle({
      type: 'PassageOfflineBundle',
      createdAt: '2026-06-01T00:00:05Z',
      trustList: v1 as unknown as Record<string, unknown>,
      statusLists: [],
      didDocuments: [],
    });
    const first = data.sources();
    expect(first.trustList).toMatchObject({ version: v1.version, source: 'bundle', ageSeconds: 5 });
    expect(data.sources()).toBe(first);

    clock = new Date('2026-06-01T00:00:11.300Z');
    const later = data.sources();
    expect(later).not.toBe(first);
    expect(later.trustList).toMatchObject({ ageSeconds: 6 });

    // A refused update (a tampered list) changes what is said within the same second.
    data.loadBundle({
      type: 'PassageOfflineBundle',
      createdAt: '2026-06-01T00:00:05Z',
      trustList: { ...v2, version: v2.version + 5 } as unknown as Record<string, unknown>,
      statusLists: [],
      didDocuments: [],
    });
    const refused = data.sources();
    expect(refused).not.toBe(later);
    expect(refused.trustList).toMatchObject({ version: v1.version, lastError: expect.any(String) });
  });
});
