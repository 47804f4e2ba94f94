// The browser VDS-NC verifier against the Node one (`verifyIcaoVdsNc` from @passage/formats): the
// same trust entries, the same clock, the whole reports compared.
import { verifyIcaoVdsNc } from '@passage/formats';
import type { StaleCrlPolicy } from '@passage/formats/pure';
import { describe, expect, it } from 'vitest';
import { ICAO_AT, icaoEntry, icaoSeals } from '../../../../../apps/verifier/src/foreign-fixtures.js';
import {
  aus,
  testEntry,
  testSeal,
  testSigners,
  whoExample,
} from '../../../../formats/src/icao/pki-fixtures.js';
import { createWebIcaoTrust } from './trust.js';
import { verifyIcaoVdsNcWeb } from './verify.js';

const AT = new Date(ICAO_AT);
const LATER = new Date('2026-01-01T00:00:00Z');

async function expectSameReport(
  input: unknown,
  entries: readonly unknown[],
  now: Date,
  staleCrl?: StaleCrlPolicy,
) {
  const options = staleCrl === undefined ? {} : { staleCrl };
  const node = verifyIcaoVdsNc(input as string | object, { trust: entries, now, ...options });
  const web = await verifyIcaoVdsNcWeb(input, {
    trust: await createWebIcaoTrust(entries),
    now,
    ...options,
  });
  expect(web).toEqual(node);
  return web;
}

const withSig = (sig: Record<string, string>) => ({ ...aus.validVds, sig: { ...aus.validVds.sig, ...sig } });
const withHdr = (hdr: Record<string, unknown>) => ({
  ...aus.validVds,
  data: { ...aus.validVds.data, hdr: { ...aus.validVds.data.hdr, ...hdr } },
});

describe('verifyIcaoVdsNcWeb gives the Node report on the Australian vectors', () => {
  it('the valid seal, as object and as JSON text, inside the signer validity', async () => {
    expect((await expectSameReport(icaoSeals.valid, [icaoEntry], AT)).verified).toBe(true);
    expect((await expectSameReport(JSON.stringify(icaoSeals.valid), [icaoEntry], AT)).verified).toBe(true);
  });

  it('the valid seal against a stale CRL, reported or failed', async () => {
    const reported = await expectSameReport(icaoSeals.valid, [icaoEntry], LATER);
    expect(reported.native?.crl).toMatchObject({ stale: true });
    const failed = await expectSameReport(icaoSeals.valid, [icaoEntry], LATER, 'fail');
    expect(failed.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('the tampered seal', async () => {
    const report = await expectSameReport(icaoSeals.tampered, [icaoEntry], AT);
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('no CSCA for the state, and a CSCA that did not issue the signer', async () => {
    const none = await expectSameReport(icaoSeals.valid, [], AT);
    expect(none.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
    const other = { framework: 'icao', country: 'AUS', certificate: aus.bscCertDerB64 };
    const untrusted = await expectSameReport(icaoSeals.valid, [other], AT);
    expect(untrusted.checks.issuerTrusted).toEqual({ ok: false, code: 'CHAIN_INVALID' });
  });

  it('the signer expired, and not yet valid', async () => {
    const expired = await expectSameReport(icaoSeals.valid, [icaoEntry], new Date('2032-01-01T00:00:00Z'));
    expect(expired.checks.validity).toEqual({ ok: false, code: 'CERTIFICATE_EXPIRED' });
    const early = await expectSameReport(icaoSeals.valid, [icaoEntry], new Date('2021-08-01T00:00:00Z'));
    expect(early.checks.validity).toEqual({ ok: false, code: 'CERTIFICATE_NOT_YET_VALID' });
  });

  it('a CRL the CSCA did not sign', async () => {
    const bytes = Buffer.from(aus.crlDerB64, 'base64');
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    const forged = { ...icaoEntry, crl: bytes.toString('base64') };
    const report = await expectSameReport(icaoSeals.valid, [forged], AT);
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('the CSCA as barcode signer, a seal type the signer may not sign, algorithms not allowed', async () => {
    const csca = withSig({ cer: Buffer.from(aus.cscaCertDerB64, 'base64').toString('base64url') });
    expect((await expectSameReport(csca, [icaoEntry], AT)).checks.issuerTrusted.ok).toBe(false);
    await expectSameReport(withHdr({ t: 'icao.test' }), [icaoEntry], AT);
    await expectSameReport(withHdr({ t: 'other' }), [icaoEntry], AT);
    for (const alg of ['RS256', 'ES384', 'ES512', 'es256', ''])
      await expectSameReport(withSig({ alg }), [icaoEntry], AT);
  });
});

describe('verifyIcaoVdsNcWeb gives the Node report on malformed input', () => {
  const inputs: Array<[string, unknown]> = [
    ['text that is not JSON', '{"data":'],
    ['text beyond the size bound', `{"x":"${'a'.repeat(40_000)}"}`],
    ['a seal without sig', { data: aus.validVds.data }],
    ['the WHO vaccination example (truncated signature)', whoExample('vaccination_example.json')],
    ['the WHO testing example', whoExample('testing_example.json')],
    ['JSON that is not a seal', aus.nonVdsJson],
    ['a sig.cer that is not a certificate', withSig({ cer: 'AAAA' })],
    ['a padded sig.cer', withSig({ cer: `${aus.validVds.sig.cer}=` })],
    ['a short signature', withSig({ sigvl: aus.validVds.sig.sigvl?.slice(0, 40) ?? '' })],
    ['null', null],
    ['a number', 42],
    ['an array', []],
    [
      'deep nesting in the message',
      JSON.stringify(aus.validVds).replace(
        '"uvci"',
        `"deep":${'['.repeat(14_000)}${']'.repeat(14_000)},"uvci"`,
      ),
    ],
  ];
  for (const [name, input] of inputs) it(name, async () => expectSameReport(input, [icaoEntry], AT));
});

describe('verifyIcaoVdsNcWeb gives the Node report with a test PKI', () => {
  const now = new Date('2026-01-01T00:00:00Z');

  it('a valid ES384 seal under a fresh CRL and the strict policy', async () => {
    const report = await expectSameReport(testSeal(testSigners.good), [testEntry([7])], now, 'fail');
    expect(report.verified).toBe(true);
  });

  it('a signer on the CRL', async () => {
    const report = await expectSameReport(testSeal(testSigners.good), [testEntry([7, 0x42])], now);
    expect(report.checks.status).toEqual({ ok: false, code: 'CERTIFICATE_REVOKED' });
  });

  it('a CRL past its nextUpdate', async () => {
    const late = new Date('2028-01-01T00:00:00Z');
    await expectSameReport(testSeal(testSigners.good), [testEntry([])], late);
    await expectSameReport(testSeal(testSigners.good), [testEntry([])], late, 'fail');
  });

  it('a signer without the VDS-NC key usage, one issued by an impostor, a test seal by an NV-only signer', async () => {
    const noUsage = await expectSameReport(testSeal(testSigners.noUsage), [testEntry([])], now);
    expect(noUsage.checks.issuerTrusted).toEqual({ ok: false, code: 'KEY_USAGE_MISMATCH' });
    const impostor = await expectSameReport(testSeal(testSigners.impostor), [testEntry([])], now);
    expect(impostor.checks.issuerTrusted).toEqual({ ok: false, code: 'CHAIN_INVALID' });
    await expectSameReport(testSeal(testSigners.good, 'icao.test'), [testEntry([])], now);
  });

  it('two CSCAs for a state, the issuing one second', async () => {
    const other = { framework: 'icao', country: 'UTO', certificate: aus.cscaCertDerB64 };
    expect((await expectSameReport(testSeal(testSigners.good), [other, testEntry([])], now)).verified).toBe(
      true,
    );
  });
});

describe('createWebIcaoTrust handles a bad entry as prepareIcaoTrust does', () => {
  const cases: Array<[string, unknown]> = [
    ['a malformed entry', { framework: 'icao', country: 'aus', certificate: aus.cscaCertDerB64 }],
    ['a certificate that is not DER', { framework: 'icao', country: 'AUS', certificate: 'AAAA' }],
  ];
  for (const [name, entry] of cases) {
    it(name, async () => {
      const node = (() => {
        try {
          verifyIcaoVdsNc(icaoSeals.valid, { trust: [entry], now: AT });
        } catch (error) {
          return error as { code: string; message: string };
        }
        return undefined;
      })();
      expect(node?.code).toBe('INVALID_ARGUMENT');
      await expect(createWebIcaoTrust([entry])).rejects.toMatchObject({
        code: node?.code,
        message: node?.message,
      });
    });
  }

  it('skips the entries of other frameworks', async () => {
    const trust = await createWebIcaoTrust([{ framework: 'dcc', kid: 'x' }, null, icaoEntry]);
    expect([...trust.keys()]).toEqual(['AUS']);
  });
});
