import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeCompactJws } from '../jws/compact.js';
import { decodeBase45, encodeBase45 } from './base45.js';
import { CONTAINER_V2 } from './container.js';
import { decodeQrJws, decodeQrText } from './decode.js';
import { DICTIONARY_V2 } from './dictionary.js';
import { encodeQrText } from './encode.js';
import {
  SAMPLE_TRAVEL_CARD_CREDENTIAL,
  SAMPLE_VACCINATION_CREDENTIAL,
  signSample,
  thrownCode,
} from './fixtures.js';
import { QR_PREFIX } from './text.js';

/** The long way round: QR text to JWS text, then that JWS decoded. */
const viaText = (text: string) => decodeCompactJws(decodeQrText(text));

const samples = [SAMPLE_VACCINATION_CREDENTIAL, SAMPLE_TRAVEL_CARD_CREDENTIAL].flatMap((credential) =>
  (['ES256', 'EdDSA'] as const).map((alg) => encodeQrText(signSample(credential, alg).jws)),
);

/** QR text of a version-2 container holding `header` and `payload` as given. */
function handMade(header: string, payload: string): string {
  const h = Buffer.from(header);
  const inner = Buffer.concat([Uint8Array.of(h.length), h, Buffer.from(payload)]);
  const body = Buffer.concat([
    Uint8Array.of(CONTAINER_V2, 64),
    new Uint8Array(64).fill(7),
    deflateRawSync(inner, { dictionary: DICTIONARY_V2 }),
  ]);
  return QR_PREFIX + encodeBase45(body);
}

describe('decodeQrJws', () => {
  it('answers what decoding the JWS text answers, signing input byte for byte', () => {
    for (const text of samples) {
      const direct = decodeQrJws(text);
      expect(direct).toEqual(viaText(text));
      expect(direct.signingInput).toBe(decodeQrText(text).split('.').slice(0, 2).join('.'));
    }
  });

  it('fails with the code of the long way on every single-byte change of a container', () => {
    const [text = ''] = samples;
    const bytes = decodeBase45(text.slice(QR_PREFIX.length));
    let differentOutcomes = 0;
    for (let i = 0; i < bytes.length; i += 3) {
      const mutated = Uint8Array.from(bytes);
      mutated[i] = (mutated[i] ?? 0) ^ 0x5a;
      const qr = QR_PREFIX + encodeBase45(mutated);
      const expected = thrownCode(() => viaText(qr));
      expect(thrownCode(() => decodeQrJws(qr))).toBe(expected);
      if (expected === undefined) expect(decodeQrJws(qr)).toEqual(viaText(qr));
      else differentOutcomes++;
    }
    expect(differentOutcomes).toBeGreaterThan(0);
  });

  it('refuses a header or payload that is not a JSON object with DECODING_FAILED, as the long way does', () => {
    for (const [header, payload] of [
      ['{"alg":"ES256"', '{}'],
      ['{"alg":"ES256"}', '[1]'],
      ['null', '{}'],
      ['{"alg":"ES256"}', '\u00ff'],
    ] as const) {
      const qr = handMade(header, payload);
      expect(thrownCode(() => decodeQrJws(qr))).toBe('DECODING_FAILED');
      expect(thrownCode(() => viaText(qr))).toBe('DECODING_FAILED');
    }
  });

  it('keeps the refusals of decodeQrText (prefix, size)', () => {
    expect(thrownCode(() => decodeQrJws('HC1:ABC'))).toBe('INVALID_PREFIX');
    expect(thrownCode(() => decodeQrJws(`${QR_PREFIX}${'0'.repeat(5000)}`))).toBe('INPUT_TOO_LARGE');
  });
});
