import { detectFormat } from '@passage/formats';
import { describe, expect, it } from 'vitest';
import { dccEntryFor, icaoSeals, shcQr } from './foreign-fixtures.js';
import { parseTrustFileData } from './trust-source.js';

describe('detectFormat', () => {
  it('tells a DCC by its HC context, an SHC by shc:/, a seal by its shape', () => {
    expect(detectFormat('HC1:6BFOXN%TS3DH0YOJ58S')).toBe('dcc');
    expect(detectFormat('  HC2:6BFOXN')).toBe('dcc');
    expect(detectFormat(shcQr('00'))).toBe('shc');
    expect(detectFormat([shcQr('02', 1), shcQr('02', 0)])).toBe('shc');
    expect(detectFormat(icaoSeals.valid)).toBe('icao-vds-nc');
    expect(detectFormat(JSON.stringify(icaoSeals.tampered))).toBe('icao-vds-nc');
  });

  it('leaves everything else to the Passage verifier', () => {
    expect(detectFormat('PV1:ABC')).toBe('passage');
    expect(detectFormat('eyJhbGciOiJFUzI1NiJ9.e30.sig')).toBe('passage');
    expect(detectFormat({ '@context': [], type: 'EnvelopedVerifiableCredential' })).toBe('passage');
    expect(detectFormat([shcQr('00'), 'PV1:ABC'])).toBe('passage');
    expect(detectFormat({ data: { hdr: {} } })).toBe('passage');
  });
});

describe('a trust file with foreign entries', () => {
  const dsc = dccEntryFor(Buffer.from('not a certificate').toString('base64'));

  it('refuses a foreign entry that its format’s schema refuses', () => {
    const text = JSON.stringify({ entries: [{ ...dsc, kid: 'short' }] });
    expect(() => parseTrustFileData(text)).toThrow(expect.objectContaining({ code: 'TRUST_FILE_INVALID' }));
  });

  it('keeps the Passage store apart from the foreign trust', () => {
    const { store, foreign } = parseTrustFileData(JSON.stringify({ entries: [dsc] }));
    expect(store.size).toBe(0);
    // The entry has the right shape but no certificate in it: it is counted as rejected, not trusted.
    expect(foreign.dcc.size).toBe(0);
    expect(foreign.rejected).toBe(1);
  });
});
