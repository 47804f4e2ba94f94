import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  patchedCertificate,
  testCsca,
  testEntry,
  testKeys,
  testSeal,
  testSigners,
  withBadValidity,
} from './pki-fixtures.js';
import { checkChainValidity } from './signer.js';
import { prepareIcaoCsca } from './trust.js';
import { verifyIcaoVdsNc } from './verify.js';

// The test PKI of pki-fixtures.ts, to reach what the Australian vector cannot: a CRL that revokes
// the signer, a signer without the VDS-NC key usage.
const trustWith = (revoked: number[]) => [testEntry(revoked)];
const now = new Date('2026-01-01T00:00:00Z');

describe('verifyIcaoVdsNc with a test PKI', () => {
  it('verifies an ES384 seal whose signer is not on the CRL', () => {
    const report = verifyIcaoVdsNc(testSeal(testSigners.good), {
      trust: trustWith([7]),
      now,
      staleCrl: 'fail',
    });
    expect(report.errors).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it('reports a signer on the CRL as CERTIFICATE_REVOKED', () => {
    const report = verifyIcaoVdsNc(testSeal(testSigners.good), { trust: trustWith([7, 0x42]), now });
    expect(report.checks.status).toEqual({ ok: false, code: 'CERTIFICATE_REVOKED' });
    expect(report.verified).toBe(false);
  });

  it('rejects a signer certificate without the VDS-NC extended key usage', () => {
    const report = verifyIcaoVdsNc(testSeal(testSigners.noUsage), { trust: trustWith([]), now });
    expect(report.checks.signature.ok).toBe(true);
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'KEY_USAGE_MISMATCH' });
  });

  it('rejects a signer certificate issued by an untrusted CA of the same name', () => {
    const report = verifyIcaoVdsNc(testSeal(testSigners.impostor), { trust: trustWith([]), now });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'CHAIN_INVALID' });
  });
});

/** The barcode signer with one byte of its public key's point changed (off the curve), signed. */
function signerWithBrokenKey(): Buffer {
  const point = testKeys.signer.publicKey.export({ type: 'spki', format: 'der' }).subarray(-96);
  return patchedCertificate(testSigners.good, (tbs) => {
    const at = tbs.indexOf(point);
    if (at < 0) throw new Error('no public key in the TBS');
    tbs[at + 10] = (tbs[at + 10] ?? 0) ^ 0xff;
  });
}

describe('a barcode signer certificate whose public key does not decode', () => {
  it('is DECODING_FAILED, not a throw from node:crypto, even signed by a trusted CSCA', () => {
    const report = verifyIcaoVdsNc(testSeal(signerWithBrokenKey()), { trust: trustWith([]), now });
    expect(report.verified).toBe(false);
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });
});

describe('certificates whose validity period does not parse', () => {
  it('refuses such a barcode signer as DECODING_FAILED, even signed by a trusted CSCA', () => {
    const report = verifyIcaoVdsNc(testSeal(withBadValidity(testSigners.good)), {
      trust: trustWith([]),
      now,
    });
    expect(report.verified).toBe(false);
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });

  it('refuses such a CSCA in the trust list as INVALID_ARGUMENT', () => {
    const bad = withBadValidity(testCsca);
    expect(() =>
      prepareIcaoCsca({ framework: 'icao', country: 'UTO', certificate: bad.toString('base64') }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('fails the chain check, not passes it, for a period that does not parse', () => {
    const certificate = new X509Certificate(withBadValidity(testSigners.good));
    expect(checkChainValidity([certificate], now)).toMatchObject({ ok: false });
  });
});
