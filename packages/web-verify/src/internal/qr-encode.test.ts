import { decodeQrText, encodeQrText } from '@passage/credentials';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, now, operator } from '../testing/fixtures.js';
import { createWebVerifier } from '../verifier.js';
import { encodeQrJws } from './qr-encode.js';

let fixtures: Awaited<ReturnType<typeof makeFixtures>>;
beforeAll(async () => {
  fixtures = await makeFixtures();
});

describe('QR encoding in the browser', () => {
  it('writes text the Node codec decodes to the same JWS, which still verifies', async () => {
    const text = encodeQrJws(fixtures.jws.valid);
    expect(text.startsWith('PV1:')).toBe(true);
    expect(decodeQrText(text)).toBe(fixtures.jws.valid);
    expect(text.length).toBeLessThanOrEqual(encodeQrText(fixtures.jws.valid).length + 8);
    const web = await createWebVerifier(fixtures.bundle, { operatorKeys: [operator.publicJwk], now });
    const answer = await web.verify(text, { now });
    expect(answer.checks.signature).toEqual({ ok: true });
    expect(answer.verified).toBe(true);
  });

  it('refuses a JWS without three segments', () => {
    expect(() => encodeQrJws('a.b')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('refuses a segment that is not canonical base64url', () => {
    const [h, p, s] = fixtures.jws.valid.split('.');
    expect(() => encodeQrJws(`${h}=.${p}.${s}`)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
