import { dccKidOf } from '@passage/formats';
import { describe, expect, it } from 'vitest';
import { foreignTrustOf } from './foreign-trust.js';
import { AT_DSC, SHC_CRL, SHC_ISS, SHC_JWKS } from './import/fixtures.js';

const kid = dccKidOf(Buffer.from(AT_DSC, 'base64'));
const entries: readonly unknown[] = [
  {
    framework: 'passage',
    did: 'did:web:a.example',
    name: 'A',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  },
  { framework: 'dcc', country: 'AT', kid, certificate: AT_DSC },
  { framework: 'shc', iss: SHC_ISS, keys: SHC_JWKS.keys, crl: SHC_CRL },
  { framework: 'icao', country: 'AUS', certificate: AT_DSC },
];

describe('foreignTrustOf', () => {
  it('prepares each framework from its own entries and skips Passage ones', () => {
    const trust = foreignTrustOf(entries);
    expect(trust.dcc.signersFor(Buffer.from(kid, 'base64'))).toHaveLength(1);
    expect([...trust.shc.keys()]).toEqual([SHC_ISS]);
    expect(trust.icao.get('AUS')).toHaveLength(1);
    expect(trust.rejected).toBe(0);
  });

  it('is built once per list', () => {
    expect(foreignTrustOf(entries)).toBe(foreignTrustOf(entries));
    expect(foreignTrustOf([...entries])).not.toBe(foreignTrustOf(entries));
  });

  it('skips an entry whose certificate or keys do not parse, and keeps the others', () => {
    const trust = foreignTrustOf([
      ...entries,
      { framework: 'icao', country: 'NZL', certificate: 'AAAA' },
      {
        framework: 'shc',
        iss: 'https://broken.example',
        keys: [{ kty: 'EC', kid: 'k', crv: 'P-256', x: 'AA', y: 'AA' }],
      },
    ]);
    expect(trust.rejected).toBe(2);
    expect(trust.icao.has('NZL')).toBe(false);
    expect(trust.shc.has(SHC_ISS)).toBe(true);
  });
});
