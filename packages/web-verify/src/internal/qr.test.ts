import { deflateRawSync } from 'node:zlib';
import { decodeQrText, encodeQrText } from '@passage/credentials';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures } from '../testing/fixtures.js';
import { encodeBase64url } from './base64url.js';
import { DICTIONARY_V2, encodeBase45 } from './credentials.js';
import { decodeQrJws, MAX_INFLATED_BYTES } from './qr.js';

/** The code a decoder throws, or 'ok'. */
function codeOf(decode: () => unknown): string {
  try {
    decode();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'not a coded error';
  }
}

const webJws = (text: string) => {
  const parts = decodeQrJws(text);
  return `${parts.signingInput}.${encodeBase64url(parts.signature)}`;
};

/** QR text of a container with `version`, a one-byte signature and `rest` as the DEFLATE data. */
const container = (version: number, rest: Uint8Array) =>
  `PV1:${encodeBase45(Uint8Array.from([version, 1, 0xaa, ...rest]))}`;

let valid: string;
beforeAll(async () => {
  valid = (await makeFixtures()).jws.valid;
});

describe('QR decoding in the browser', () => {
  it('decodes container versions 1 and 2 to the JWS the Node codec gives', () => {
    for (const containerVersion of [1, 2] as const) {
      const text = encodeQrText(valid, { containerVersion });
      expect(webJws(text)).toBe(valid);
      expect(webJws(text)).toBe(decodeQrText(text));
    }
  });

  it('reads exactly the container versions decodeQrText reads', () => {
    const garbage = Uint8Array.of(0xff, 0xff, 0xff);
    for (let version = 0; version < 256; version++) {
      const text = container(version, garbage);
      expect([version, codeOf(() => decodeQrJws(text))]).toEqual([version, codeOf(() => decodeQrText(text))]);
    }
  });

  it('bad base45: INVALID_BASE45, as in Node', () => {
    for (const text of ['PV1:ABCD', 'PV1:abc', 'PV1:GGW', 'PV1:::', `PV1:${'Z'.repeat(5)}`]) {
      expect(codeOf(() => decodeQrJws(text))).toBe('INVALID_BASE45');
      expect(codeOf(() => decodeQrText(text))).toBe('INVALID_BASE45');
    }
  });

  it('a zip bomb stops at the inflate bound: INPUT_TOO_LARGE', () => {
    const bomb = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, dictionary: DICTIONARY_V2 });
    const text = container(2, bomb);
    expect(text.length).toBeLessThan(4296);
    expect(codeOf(() => decodeQrJws(text))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => decodeQrText(text))).toBe('INPUT_TOO_LARGE');
    expect(MAX_INFLATED_BYTES).toBe(16 * 1024);
  });

  it('bytes after the DEFLATE stream, truncated streams and bad prefixes: the Node codes', () => {
    const good = decodeQrText(encodeQrText(valid));
    const stream = deflateRawSync(Uint8Array.of(3, 1, 2, 3, 4), { dictionary: DICTIONARY_V2 });
    const cases = [
      container(2, Uint8Array.from([...stream, 0])),
      container(2, stream.subarray(0, stream.length - 1)),
      container(2, new Uint8Array()),
      'PV2:ABC',
      `PV1:${'0'.repeat(4300)}`,
      `  ${encodeQrText(valid)}\n`,
    ];
    for (const text of cases) expect(codeOf(() => decodeQrJws(text))).toBe(codeOf(() => decodeQrText(text)));
    expect(good).toBe(valid);
  });
});
