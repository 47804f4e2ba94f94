import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isCredentialError } from '../errors.js';
import { encodeBase45 } from './base45.js';
import { CONTAINER_V1, CONTAINER_V2, type ContainerVersion } from './container.js';
import { decodeQrText } from './decode.js';
import { DICTIONARY_V1, DICTIONARY_V2 } from './dictionary.js';
import { encodeQrText } from './encode.js';
import { SAMPLE_VACCINATION_CREDENTIAL, signSample, thrownCode } from './fixtures.js';
import { isPassageQrText, QR_PREFIX } from './text.js';

const { jws } = signSample(SAMPLE_VACCINATION_CREDENTIAL, 'ES256');
const valid = encodeQrText(jws);
const signature = new Uint8Array(64).fill(9);
const header = Buffer.from('{"alg":"ES256"}');
const DICTIONARIES = { [CONTAINER_V1]: DICTIONARY_V1, [CONTAINER_V2]: DICTIONARY_V2 };

function deflate(bytes: Uint8Array, version: ContainerVersion = CONTAINER_V1): Buffer {
  return deflateRawSync(bytes, { level: 9, dictionary: DICTIONARIES[version] });
}

/** QR text for hand-made container bytes. */
function textOf(...parts: Uint8Array[]): string {
  return QR_PREFIX + encodeBase45(Buffer.concat(parts));
}

/** A well-formed container body of `version` for `inner` (the inflated bytes). */
function container(inner: Uint8Array, version: ContainerVersion = CONTAINER_V1): Buffer {
  return Buffer.concat([Uint8Array.of(version, 64), signature, deflate(inner, version)]);
}

const goodInner = Buffer.concat([Uint8Array.of(header.length), header, Buffer.from('{}')]);

describe.each([CONTAINER_V1, CONTAINER_V2] as const)(
  'decodeQrText on a hand-made version-%i container',
  (version) => {
    it('decodes it', () => {
      expect(decodeQrText(textOf(container(goodInner, version)))).toBe(
        `${header.toString('base64url')}.${Buffer.from('{}').toString('base64url')}.${Buffer.from(signature).toString('base64url')}`,
      );
    });

    it('refuses a 10 MB zip bomb', () => {
      const bomb = textOf(container(Buffer.alloc(10_000_000), version));
      expect(thrownCode(() => decodeQrText(bomb))).toBe('INPUT_TOO_LARGE');
    });

    it('refuses a zip bomb short enough for a QR code at the inflate limit', () => {
      const bomb = textOf(container(Buffer.alloc(2_000_000), version));
      expect(bomb.length).toBeLessThanOrEqual(4296);
      expect(thrownCode(() => decodeQrText(bomb))).toBe('INPUT_TOO_LARGE');
    });

    it('refuses bytes after the compressed payload', () => {
      expect(thrownCode(() => decodeQrText(textOf(container(goodInner, version), Uint8Array.of(0))))).toBe(
        'DECODING_FAILED',
      );
    });

    it('refuses a zero-length signature', () => {
      const bytes = Buffer.concat([Uint8Array.of(version, 0), deflate(goodInner, version)]);
      expect(thrownCode(() => decodeQrText(textOf(bytes)))).toBe('DECODING_FAILED');
    });

    it('refuses a signature length past the end', () => {
      expect(thrownCode(() => decodeQrText(textOf(Uint8Array.of(version, 100), signature)))).toBe(
        'DECODING_FAILED',
      );
    });

    it('refuses a header length past the end', () => {
      const inner = Buffer.concat([Uint8Array.of(100), header]);
      expect(thrownCode(() => decodeQrText(textOf(container(inner, version))))).toBe('DECODING_FAILED');
    });

    it('refuses an empty payload', () => {
      const inner = Buffer.concat([Uint8Array.of(header.length), header]);
      expect(thrownCode(() => decodeQrText(textOf(container(inner, version))))).toBe('DECODING_FAILED');
    });

    it('refuses data that is not DEFLATE', () => {
      const bytes = Buffer.concat([Uint8Array.of(version, 64), signature, Uint8Array.of(0xff, 0xff)]);
      expect(thrownCode(() => decodeQrText(textOf(bytes)))).toBe('INVALID_COMPRESSION');
    });
  },
);

describe('decodeQrText', () => {
  it('ignores surrounding whitespace', () => {
    expect(decodeQrText(`  ${valid}\r\n`)).toBe(jws);
  });

  it('refuses another prefix', () => {
    expect(thrownCode(() => decodeQrText(`HC1:${valid.slice(4)}`))).toBe('INVALID_PREFIX');
  });

  it('refuses a lowercase prefix', () => {
    expect(thrownCode(() => decodeQrText(valid.toLowerCase()))).toBe('INVALID_PREFIX');
  });

  it('refuses lowercase garbage after the prefix', () => {
    expect(thrownCode(() => decodeQrText(`${QR_PREFIX}hello world`))).toBe('INVALID_BASE45');
  });

  it('refuses a character outside base45', () => {
    expect(thrownCode(() => decodeQrText(`${valid.slice(0, 20)}#${valid.slice(21)}`))).toBe('INVALID_BASE45');
  });

  it('refuses a base45 triplet above 65535', () => {
    expect(thrownCode(() => decodeQrText(`${valid}GGW`))).toBe('INVALID_BASE45');
  });

  it('refuses text cut inside the signature', () => {
    expect(thrownCode(() => decodeQrText(valid.slice(0, QR_PREFIX.length + 30)))).toBe('DECODING_FAILED');
  });

  it('refuses text cut inside the compressed payload', () => {
    expect(thrownCode(() => decodeQrText(valid.slice(0, -3)))).toBe('INVALID_COMPRESSION');
  });

  it('refuses the bare prefix', () => {
    expect(thrownCode(() => decodeQrText(QR_PREFIX))).toBe('DECODING_FAILED');
  });

  it('refuses text longer than a QR code holds', () => {
    expect(thrownCode(() => decodeQrText(QR_PREFIX + '0'.repeat(4293)))).toBe('INPUT_TOO_LARGE');
  });

  it.each([0x00, 0x03, 0xff])('refuses the unknown version byte %i', (version) => {
    const body = Buffer.concat([Uint8Array.of(version, 64), signature, deflate(goodInner)]);
    expect(thrownCode(() => decodeQrText(textOf(body)))).toBe('DECODING_FAILED');
  });

  it('refuses a non-string', () => {
    expect(thrownCode(() => decodeQrText(undefined as unknown as string))).toBe('INVALID_ARGUMENT');
  });
});

const textsByVersion = [
  [CONTAINER_V1, encodeQrText(jws, { containerVersion: CONTAINER_V1 })],
  [CONTAINER_V2, valid],
] as const;

describe('decodeQrText on 2,000 random mutations', () => {
  it.each(textsByVersion)('of a version-%i text either decodes or throws a CredentialError', (_, text) => {
    const random = mulberry32(20_250_329);
    const pick = (n: number) => Math.floor(random() * n);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a#\n';
    const foreign: unknown[] = [];
    let decoded = 0;
    for (let round = 0; round < 2000; round++) {
      const chars = [...text];
      for (let edits = 1 + pick(4); edits > 0; edits--) {
        const at = pick(chars.length);
        const char = alphabet.charAt(pick(alphabet.length));
        const kind = pick(4);
        if (kind === 0) chars[at] = char;
        else if (kind === 1) chars.splice(at, 0, char);
        else if (kind === 2) chars.splice(at, 1);
        else chars.length = at;
      }
      try {
        decodeQrText(chars.join(''));
        decoded++;
      } catch (error) {
        if (!isCredentialError(error)) foreign.push(error);
      }
    }
    expect(foreign).toEqual([]);
    expect(decoded).toBeLessThan(2000);
  });
});

describe('isPassageQrText', () => {
  it('recognises encoded text', () => {
    expect(isPassageQrText(valid)).toBe(true);
  });

  it('does not recognise an EU DCC', () => {
    expect(isPassageQrText('HC1:NCFOXN%TS3DH')).toBe(false);
  });

  it('does not recognise a lowercase prefix', () => {
    expect(isPassageQrText('pv1:ABC')).toBe(false);
  });
});

/** A small seeded generator, so a failing mutation can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
