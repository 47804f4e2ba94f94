import { dccKidOf, verifyShc } from '@passage/formats';
import { describe, expect, it } from 'vitest';
import { createTrustList } from '../edit.js';
import { foreignTrustOf } from '../foreign-trust.js';
import { parseTrustListDraft } from '../trust-list.js';
import { dccEntriesFromGateway } from './dcc-gateway.js';
import { AT_DSC, gatewayList, SHC_ISS, SHC_KID, SHC_QR_00, vciDirectory } from './fixtures.js';
import { mergeTrustEntries } from './merge.js';
import { shcEntriesFromVci } from './vci-directory.js';

const failsWith = (code: string) => expect.objectContaining({ code });

describe('dccEntriesFromGateway', () => {
  it('takes the DSCs, derives a missing kid and skips the rest', () => {
    const { entries, skipped } = dccEntriesFromGateway(gatewayList());
    expect(entries).toEqual([
      {
        framework: 'dcc',
        country: 'AT',
        kid: dccKidOf(Buffer.from(AT_DSC, 'base64')),
        certificate: AT_DSC,
      },
    ]);
    expect(skipped).toBe(2);
  });

  it('reads the bare array of the older gateway answer', () => {
    const bare = (gatewayList() as { certificates: unknown[] }).certificates;
    expect(dccEntriesFromGateway(bare).entries).toHaveLength(1);
  });

  it('skips a DSC a verifier could not use: not a certificate, or a validity period that does not parse', () => {
    const der = Buffer.from(AT_DSC, 'base64');
    const time = /\d{12}Z/.exec(der.toString('latin1'));
    expect(time).not.toBeNull();
    const badPeriod = Buffer.from(der);
    badPeriod.write('AB', (time?.index ?? 0) + 2, 'latin1');
    const { entries, skipped } = dccEntriesFromGateway({
      certificates: [
        { certificateType: 'DSC', country: 'AT', rawData: Buffer.from('not DER').toString('base64') },
        { certificateType: 'DSC', country: 'AT', rawData: badPeriod.toString('base64') },
        { certificateType: 'DSC', country: 'AT', rawData: AT_DSC },
      ],
    });
    expect(entries.map((e) => e.certificate)).toEqual([AT_DSC]);
    expect(skipped).toBe(2);
  });

  it('refuses a document that is not a gateway list', () => {
    expect(() => dccEntriesFromGateway({ keys: [] })).toThrow(failsWith('INVALID_ARGUMENT'));
  });
});

describe('shcEntriesFromVci', () => {
  const { issuers, snapshot } = vciDirectory();

  it('takes each participating issuer with its snapshot keys and CRLs', () => {
    const { entries, skipped } = shcEntriesFromVci(issuers, snapshot);
    expect(entries.map((e) => [e.iss, e.name])).toEqual([[SHC_ISS, 'SMART examples']]);
    expect(entries[0]?.keys.map((k) => k.kid)).toContain(SHC_KID);
    expect(entries[0]?.crl).toEqual([expect.objectContaining({ kid: SHC_KID, ctr: 1 })]);
    // The keyless issuer is skipped; the alias is not counted (its canonical issuer is taken).
    expect(skipped).toBe(1);
  });

  it('takes every issuer of the snapshot without an issuer list', () => {
    expect(shcEntriesFromVci(undefined, snapshot).entries).toHaveLength(1);
  });

  it('skips an issuer whose keys include a private part', () => {
    const leaky = structuredClone(snapshot) as { issuerInfo: { keys: Record<string, unknown>[] }[] };
    for (const key of leaky.issuerInfo[0]?.keys ?? []) key.d = 'secret';
    expect(shcEntriesFromVci(issuers, leaky).entries).toEqual([]);
  });

  it('refuses a snapshot of the wrong shape', () => {
    expect(() => shcEntriesFromVci(issuers, { issuers: [] })).toThrow(failsWith('INVALID_ARGUMENT'));
  });
});

describe('importing into a trust list draft', () => {
  it('adds foreign entries, replaces them on a second import, and gives a list that parses', () => {
    const dcc = dccEntriesFromGateway(gatewayList()).entries;
    const shc = shcEntriesFromVci(vciDirectory().issuers, vciDirectory().snapshot).entries;
    const first = mergeTrustEntries(createTrustList('Operator'), [...dcc, ...shc]);
    expect([first.added, first.replaced]).toEqual([2, 0]);
    const again = mergeTrustEntries(first.list, shc);
    expect([again.added, again.replaced]).toEqual([0, 1]);
    const draft = parseTrustListDraft(JSON.parse(JSON.stringify(again.list)));
    expect(draft.entries.map((e) => e.framework)).toEqual(['dcc', 'shc']);
  });

  it('refuses an entry of no known framework', () => {
    expect(() => mergeTrustEntries(createTrustList('Operator'), [{ framework: 'x' }])).toThrow(
      failsWith('INVALID_ARGUMENT'),
    );
  });

  it('gives trust that verifies the SMART Health Card example', () => {
    const { list } = mergeTrustEntries(
      createTrustList('Operator'),
      shcEntriesFromVci(vciDirectory().issuers, vciDirectory().snapshot).entries,
    );
    const trust = foreignTrustOf(list.entries).shc;
    expect(verifyShc(SHC_QR_00, { trust, now: new Date('2023-07-01T00:00:00Z') }).verified).toBe(true);
  });
});
