import { deflateSync } from 'node:zlib';
import { encode } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { decodeDcc, isDccText } from './decode.js';
import { dccTextFor, encodeBase45 } from './fixtures.js';
import { createDccTrust } from './trust.js';
import { verifyDcc } from './verify.js';

const { trust } = createDccTrust([]);
const decodingCode = (text: string) => verifyDcc(text, { trust }).checks.decoding;

/** A COSE_Sign1 around the given CWT payload bytes, with a made-up kid and signature. */
function coseAround(payload: Uint8Array): Uint8Array {
  const protectedHeader = encode(new Map<number, unknown>([[1, -7]]));
  return encode([protectedHeader, new Map([[4, Buffer.alloc(8)]]), payload, Buffer.alloc(64)]);
}

describe('hostile DCC text', () => {
  it('recognises DCC text by its case-sensitive HC1: prefix', () => {
    expect(isDccText('HC1:6BF+7079')).toBe(true);
    expect(isDccText('hc1:6BF+7079')).toBe(false);
    expect(isDccText('HC2:6BF+7079')).toBe(false);
  });

  it('refuses text without the HC1: prefix, case-sensitively', () => {
    expect(decodingCode('hc1:6BF')).toEqual({ ok: false, code: 'INVALID_PREFIX' });
    expect(decodingCode('6BF+7079')).toEqual({ ok: false, code: 'INVALID_PREFIX' });
  });

  it('refuses base45 outside the alphabet, a dangling character and a group out of range', () => {
    expect(decodingCode('HC1:abc')).toEqual({ ok: false, code: 'INVALID_BASE45' });
    expect(decodingCode('HC1:ABCD')).toEqual({ ok: false, code: 'INVALID_BASE45' });
    expect(decodingCode('HC1::::')).toEqual({ ok: false, code: 'INVALID_BASE45' });
    expect(decodingCode('HC1:\u8030\u8030\u8030')).toEqual({ ok: false, code: 'INVALID_BASE45' });
  });

  it('refuses text longer than the size limit before decoding it', () => {
    expect(decodingCode(`HC1:${'0'.repeat(20_000)}`)).toEqual({ ok: false, code: 'INPUT_TOO_LARGE' });
  });

  it('refuses a truncated certificate at every length', () => {
    const text = dccTextFor(coseAround(encode(new Map([[4, 2_000_000_000]]))));
    for (let cut = 4; cut < text.length; cut += 7) {
      const check = decodingCode(text.slice(0, cut));
      expect(check.ok).toBe(false);
    }
  });

  it('stops inflating a zip bomb at the output bound', () => {
    const bomb = `HC1:${encodeBase45(deflateSync(Buffer.alloc(8 * 1024 * 1024)))}`;
    expect(decodingCode(bomb)).toEqual({ ok: false, code: 'INPUT_TOO_LARGE' });
  });

  it('refuses deep CBOR nesting in the COSE message and in the payload', () => {
    const deep = Buffer.concat([Buffer.alloc(60_000, 0x81), Buffer.of(0)]);
    expect(decodingCode(dccTextFor(deep))).toEqual({ ok: false, code: 'INVALID_COSE' });
    let nested: unknown = 1;
    for (let i = 0; i < 40; i++) nested = [nested];
    const payload = encode(
      new Map<number, unknown>([
        [4, 2e9],
        [-260, new Map([[1, new Map([['v', nested]])]])],
      ]),
    );
    expect(decodingCode(dccTextFor(coseAround(payload)))).toEqual({ ok: false, code: 'INVALID_CBOR' });
  });

  it('refuses arrays and maps that claim more items than the input holds', () => {
    const hugeArray = Buffer.from('9bffffffffffffffff00', 'hex');
    expect(decodingCode(dccTextFor(hugeArray))).toEqual({ ok: false, code: 'INVALID_COSE' });
    const hugeMap = Buffer.from('ba7fffffff00', 'hex');
    expect(decodingCode(dccTextFor(coseAround(hugeMap)))).toEqual({ ok: false, code: 'INVALID_CBOR' });
  });

  it('refuses a payload whose hcert holds values JSON has no place for', () => {
    const payload = encode(
      new Map<number, unknown>([
        [4, 2e9],
        [-260, new Map([[1, new Map([['v', Buffer.alloc(3)]])]])],
      ]),
    );
    expect(decodingCode(dccTextFor(coseAround(payload)))).toEqual({ ok: false, code: 'INVALID_CBOR' });
  });

  it('refuses a CWT without exp or without the hcert claim', () => {
    const noExp = encode(new Map<number, unknown>([[-260, new Map([[1, new Map([['ver', '1.3.0']])]])]]));
    expect(() => decodeDcc(dccTextFor(coseAround(noExp)))).toThrow(
      expect.objectContaining({ code: 'INVALID_CBOR' }),
    );
    const noHcert = encode(new Map<number, unknown>([[4, 2e9]]));
    expect(decodingCode(dccTextFor(coseAround(noHcert)))).toEqual({ ok: false, code: 'INVALID_CBOR' });
  });

  it('refuses an exp or iat beyond the range of any instant, as a code and never a throw', () => {
    for (const claims of [
      [[4, 1e17]],
      [[4, -1e17]],
      [
        [4, 2e9],
        [6, 1e17],
      ],
    ] as [number, number][][]) {
      const payload = encode(
        new Map<number, unknown>([...claims, [-260, new Map([[1, new Map([['ver', '1.3.0']])]])]]),
      );
      const text = dccTextFor(coseAround(payload));
      expect(decodingCode(text)).toEqual({ ok: false, code: 'INVALID_CBOR' });
      const report = verifyDcc(text, { trust, now: new Date('2024-01-01T00:00:00Z') });
      expect(report.verified).toBe(false);
    }
  });

  it('refuses a COSE structure that is not four parts of the right types', () => {
    expect(decodingCode(dccTextFor(encode([Buffer.alloc(0), new Map(), Buffer.alloc(1)])))).toEqual({
      ok: false,
      code: 'INVALID_COSE',
    });
    expect(decodingCode(dccTextFor(encode(['x', new Map(), Buffer.alloc(1), Buffer.alloc(1)])))).toEqual({
      ok: false,
      code: 'INVALID_COSE',
    });
  });

  it('reports an unknown kid as KEY_NOT_FOUND and never as verified', () => {
    const payload = encode(
      new Map<number, unknown>([
        [4, 2e9],
        [-260, new Map([[1, new Map([['ver', '1.3.0']])]])],
      ]),
    );
    const report = verifyDcc(dccTextFor(coseAround(payload)), { trust });
    expect(report.verified).toBe(false);
    expect(report.checks.signature).toEqual({ ok: false, code: 'KEY_NOT_FOUND' });
  });
});

describe('CWT dates', () => {
  it('reads a tag-1 date as the NumericDate it stands for', () => {
    const hcert = new Map([[1, new Map([['ver', '1.3.0']])]]);
    const payload = encode(
      new Map<number, unknown>([
        [4, new Date(2_000_000_000_000)],
        [-260, hcert],
      ]),
    );
    expect(decodeDcc(dccTextFor(coseAround(payload))).claims.exp).toBe(2_000_000_000);
  });

  it('refuses an exp that is text', () => {
    const hcert = new Map([[1, new Map([['ver', '1.3.0']])]]);
    const payload = encode(
      new Map<number, unknown>([
        [4, '2030-01-01'],
        [-260, hcert],
      ]),
    );
    expect(decodingCode(dccTextFor(coseAround(payload)))).toEqual({ ok: false, code: 'INVALID_CBOR' });
  });

  it('refuses a validation clock that is not a date, as a programmer error', () => {
    expect(() => verifyDcc('HC1:', { trust, now: new Date(Number.NaN) })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
