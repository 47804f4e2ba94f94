import { encode } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { decodeDcc } from './decode.js';
import { dccCase, dccTextFor, entryFor, trustFor } from './fixtures.js';
import { createDccTrust, dccKidOf } from './trust.js';
import { verifyDcc } from './verify.js';

// Cases CO24–CO27 of the EU's BasicDgcTestsList have no data set upstream: built here from CO3.
describe('DCC signer checks (built on EU case CO3, ES256)', () => {
  const co3 = dccCase('common/CO3.json');
  const co1 = dccCase('common/CO1.json');
  const text = co3.PREFIX ?? '';
  const certificate = co3.TESTCTX.CERTIFICATE ?? '';
  const rsaCertificate = co1.TESTCTX.CERTIFICATE ?? '';
  const now = new Date('2021-05-03T18:30:00Z');
  const { cose } = decodeDcc(text);

  /** CO3 re-encoded with other headers or signature (the signature then no longer matches). */
  function variant(headers: Map<number, unknown>, signature: Uint8Array = cose.signature): string {
    return dccTextFor(encode([encode(headers), new Map(), cose.payload, signature]));
  }
  const kid = cose.kid ?? new Uint8Array();
  const verify = (input: string, entries: unknown[] = [entryFor(certificate)], at = now) =>
    verifyDcc(input, { trust: createDccTrust(entries).trust, now: at, clockToleranceSec: 0 });

  it('verifies the original with its DSC', () => {
    expect(verify(text).verified).toBe(true);
    expect(dccKidOf(Buffer.from(certificate, 'base64'))).toBe(Buffer.from(kid).toString('base64'));
  });

  it('refuses an algorithm other than ES256 and PS256', () => {
    const report = verify(
      variant(
        new Map<number, unknown>([
          [1, -8],
          [4, kid],
        ]),
      ),
    );
    expect(report.checks.signature).toEqual({ ok: false, code: 'ALGORITHM_NOT_ALLOWED' });
  });

  it('refuses an ES256 signature claimed as PS256 (CO27)', () => {
    const report = verify(
      variant(
        new Map<number, unknown>([
          [1, -37],
          [4, kid],
        ]),
      ),
    );
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('refuses a signature longer than 64 bytes without crashing (CO24)', () => {
    const long = Buffer.concat([Buffer.from(cose.signature), Buffer.alloc(6)]);
    const report = verify(
      variant(
        new Map<number, unknown>([
          [1, -7],
          [4, kid],
        ]),
        long,
      ),
    );
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('finds no key for a kid shorter or longer than 8 bytes (CO25, CO26)', () => {
    for (const wrong of [kid.subarray(0, 7), Buffer.concat([kid, Buffer.of(0)])]) {
      const report = verify(
        variant(
          new Map<number, unknown>([
            [1, -7],
            [4, wrong],
          ]),
        ),
      );
      expect(report.checks.signature).toEqual({ ok: false, code: 'KEY_NOT_FOUND' });
      expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
    }
  });

  it('tries every certificate that shares the kid', () => {
    const sharedKid = Buffer.from(kid).toString('base64');
    const decoy = entryFor(rsaCertificate, sharedKid);
    expect(verify(text, [decoy, entryFor(certificate)]).verified).toBe(true);
    expect(verify(text, [decoy]).checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it("enforces the DSC's validity period at the validation clock", () => {
    const before = verify(text, undefined, new Date('2021-05-03T17:00:00Z'));
    expect(before.checks.issuerTrusted).toEqual({ ok: false, code: 'CERTIFICATE_NOT_YET_VALID' });
    const after = verify(text, undefined, new Date('2021-06-03T00:00:00Z'));
    expect(after.checks.issuerTrusted).toEqual({ ok: false, code: 'CERTIFICATE_EXPIRED' });
  });

  it('reports iat after the clock as NOT_YET_VALID and exp before it as EXPIRED (CO16, CO17)', () => {
    for (const [name, code] of [
      ['common/CO16.json', 'NOT_YET_VALID'],
      ['common/CO17.json', 'EXPIRED'],
    ] as const) {
      const testCase = dccCase(name);
      const report = verifyDcc(testCase.PREFIX ?? '', {
        trust: trustFor(testCase),
        now,
        clockToleranceSec: 0,
      });
      expect(report.checks.validity).toEqual({ ok: false, code });
    }
  });

  it('reports a certificate type the DSC may not sign as KEY_USAGE_MISMATCH (CO6)', () => {
    const testCase = dccCase('common/CO6.json');
    const report = verifyDcc(testCase.PREFIX ?? '', { trust: trustFor(testCase), now });
    expect(report.checks.signature).toEqual({ ok: true });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'KEY_USAGE_MISMATCH' });
  });
});
