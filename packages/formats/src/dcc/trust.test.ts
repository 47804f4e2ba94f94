import { describe, expect, it } from 'vitest';
import { dccCase, entryFor } from './fixtures.js';
import { createDccTrust, dccTrustEntrySchema } from './trust.js';

describe('DCC trust entries', () => {
  it('rejects unknown keys, a lower-case country and a kid that is not 8 bytes of base64', () => {
    const entry = { framework: 'dcc', country: 'AT', kid: 'AAAAAAAAAAA=', certificate: 'AAAA' };
    expect(dccTrustEntrySchema.safeParse(entry).success).toBe(true);
    expect(dccTrustEntrySchema.safeParse({ ...entry, extra: 1 }).success).toBe(false);
    expect(dccTrustEntrySchema.safeParse({ ...entry, country: 'at' }).success).toBe(false);
    expect(dccTrustEntrySchema.safeParse({ ...entry, kid: 'not base64!' }).success).toBe(false);
    expect(dccTrustEntrySchema.safeParse({ ...entry, kid: 'AAAAAAAAAA==' }).success).toBe(false);
  });

  it('skips entries that do not parse and counts them', () => {
    const { trust, rejected } = createDccTrust([
      null,
      { framework: 'shc' },
      { framework: 'dcc', country: 'AT', kid: 'AAAAAAAAAAA=', certificate: 'AAAA' },
    ]);
    expect(trust.size).toBe(0);
    expect(rejected).toBe(3);
  });

  it('indexes a DSC by kid with its key and validity', () => {
    const certificate = dccCase('common/CO13.json').TESTCTX.CERTIFICATE ?? '';
    const entry = entryFor(certificate, undefined, 'DE');
    const { trust } = createDccTrust([entry]);
    const [signer, ...others] = trust.signersFor(Buffer.from(entry.kid, 'base64'));
    expect(others).toEqual([]);
    expect(signer?.country).toBe('DE');
    expect(signer?.publicKey.asymmetricKeyType).toBe('ec');
    expect(signer?.notBefore).toBe(Date.parse('2021-05-03T18:00:00Z'));
    expect(signer?.extendedKeyUsage).toEqual(['1.3.6.1.4.1.0.1847.2021.1.2']);
    expect(trust.signersFor(Buffer.alloc(8))).toEqual([]);
  });

  it('skips a DSC whose validity period does not parse, which would otherwise pass every date check', () => {
    const der = Buffer.from(dccCase('common/CO13.json').TESTCTX.CERTIFICATE ?? '', 'base64');
    const at = der.indexOf('210503180000Z', 0, 'latin1');
    expect(at).toBeGreaterThan(0);
    const broken = Buffer.from(der);
    broken.write('21AB03180000Z', at, 'latin1');
    const { trust, rejected } = createDccTrust([entryFor(broken.toString('base64'), undefined, 'DE')]);
    expect(trust.size).toBe(0);
    expect(rejected).toBe(1);
  });
});
