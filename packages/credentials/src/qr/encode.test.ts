import { randomBytes } from 'node:crypto';
import { compactVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeQrText } from './decode.js';
import { encodeQrText } from './encode.js';
import {
  SAMPLE_TRAVEL_CARD_CREDENTIAL,
  SAMPLE_VACCINATION_CREDENTIAL,
  signSample,
  thrownCode,
} from './fixtures.js';
import { qrVersionFor } from './render.js';
import { QR_PREFIX } from './text.js';

const samples = [
  ['vaccination certificate', SAMPLE_VACCINATION_CREDENTIAL],
  ['business travel card', SAMPLE_TRAVEL_CARD_CREDENTIAL],
] as const;
const algorithms = ['ES256', 'EdDSA'] as const;

describe('encodeQrText round trip', () => {
  for (const [name, credential] of samples) {
    for (const alg of algorithms) {
      it(`gives back the identical ${alg} ${name}, whose signature still verifies`, async () => {
        const { jws, publicKey } = signSample(credential, alg);
        const text = encodeQrText(jws);
        const decoded = decodeQrText(text);
        expect(decoded).toBe(jws);
        const { payload } = await compactVerify(decoded, publicKey);
        expect(JSON.parse(Buffer.from(payload).toString('utf8'))).toEqual(credential);
      });
    }
  }

  it('writes only the prefix and QR alphanumeric characters', () => {
    const text = encodeQrText(signSample(SAMPLE_VACCINATION_CREDENTIAL, 'ES256').jws);
    expect(text.startsWith(QR_PREFIX)).toBe(true);
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
  });

  it('is much shorter than the JWS itself', () => {
    const { jws } = signSample(SAMPLE_VACCINATION_CREDENTIAL, 'ES256');
    expect(encodeQrText(jws).length).toBeLessThan(jws.length / 2);
  });

  it.each(samples)('fits the %s in a QR code of version 20 or less at level Q', (_, credential) => {
    // The EU DCC's median is about version 18; a Passage credential should not need a bigger code.
    expect(qrVersionFor(encodeQrText(signSample(credential, 'ES256').jws))).toBeLessThanOrEqual(20);
  });

  it('keeps non-ASCII names byte for byte', () => {
    const credential = { ...SAMPLE_TRAVEL_CARD_CREDENTIAL, name: 'Nguyễn Thị Minh Khai 阮氏明開' };
    const { jws } = signSample(credential, 'EdDSA');
    expect(decodeQrText(encodeQrText(jws))).toBe(jws);
  });
});

describe('encodeQrText refuses', () => {
  const { jws } = signSample(SAMPLE_VACCINATION_CREDENTIAL, 'ES256');
  const [header = '', payload = '', signature = ''] = jws.split('.');

  it('two segments', () => {
    expect(thrownCode(() => encodeQrText(`${header}.${payload}`))).toBe('INVALID_ARGUMENT');
  });

  it('four segments', () => {
    expect(thrownCode(() => encodeQrText(`${jws}.${signature}`))).toBe('INVALID_ARGUMENT');
  });

  it('an empty payload (detached JWS)', () => {
    expect(thrownCode(() => encodeQrText(`${header}..${signature}`))).toBe('INVALID_ARGUMENT');
  });

  it('base64 padding', () => {
    expect(thrownCode(() => encodeQrText(`${header}.${payload}.${signature}==`))).toBe('INVALID_ARGUMENT');
  });

  it('standard base64 characters', () => {
    expect(thrownCode(() => encodeQrText(`${header}.${payload}+/.${signature}`))).toBe('INVALID_ARGUMENT');
  });

  it('non-zero spare bits in the last character', () => {
    // 64 bytes take 86 characters: the last carries 4 spare bits, zero only in A, Q, g and w.
    const altered = `${signature.slice(0, -1)}B`;
    const canonical = Buffer.from(altered, 'base64url').toString('base64url') === altered;
    expect(canonical).toBe(false);
    expect(thrownCode(() => encodeQrText(`${header}.${payload}.${altered}`))).toBe('INVALID_ARGUMENT');
  });

  it('a non-string', () => {
    expect(thrownCode(() => encodeQrText(42 as unknown as string))).toBe('INVALID_ARGUMENT');
  });

  it('a credential too large for any QR code', () => {
    const credential = { ...SAMPLE_VACCINATION_CREDENTIAL, note: randomBytes(4000).toString('hex') };
    expect(thrownCode(() => encodeQrText(signSample(credential, 'ES256').jws))).toBe('INPUT_TOO_LARGE');
  });
});
