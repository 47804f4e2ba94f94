import { constants, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { encode, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { dccTextFor } from './fixtures.js';
import { sigStructure } from './signature.js';
import type { DccSigner, DccTrust } from './trust.js';
import { verifyDcc } from './verify.js';

// DCCs signed here with fresh keys, so that each check can be driven on its own.
const DAY = 86_400_000;
const NOW = Date.parse('2026-01-15T12:00:00Z');
const KID = Buffer.from('0123456789abcdef', 'hex');
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const HCERT = {
  ver: '1.3.0',
  nam: { fn: 'Muster', fnt: 'MUSTER', gn: 'Erika', gnt: 'ERIKA' },
  dob: '1964-08-12',
  r: [
    {
      tg: '840539006',
      fr: '2025-12-01',
      co: 'AT',
      is: 'BMSGPK',
      df: '2025-12-12',
      du: '2026-05-30',
      ci: 'URN:UVCI:01:AT:X',
    },
  ],
};

interface Options {
  alg?: number;
  key?: KeyObject;
  saltLength?: number;
  iat?: number;
  exp?: number;
  tags?: number[];
}

function signedDcc({
  alg = -7,
  key = ec.privateKey,
  saltLength = 32,
  iat = NOW - DAY,
  exp = NOW + DAY,
  tags = [18],
}: Options) {
  const protectedBytes = encode(
    new Map<number, unknown>([
      [1, alg],
      [4, KID],
    ]),
  );
  const hcert = new Map([[1, new Map(Object.entries(HCERT))]]);
  const payload = encode(
    new Map<number, unknown>([
      [1, 'AT'],
      [4, exp / 1000],
      [6, iat / 1000],
      [-260, hcert],
    ]),
  );
  const data = sigStructure({ protectedBytes, payload, signature: new Uint8Array(), alg, kid: KID });
  const signature =
    alg === -7
      ? sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
  let message: unknown = [protectedBytes, new Map(), payload, signature];
  for (const tag of tags) message = new Tag(message, tag);
  return dccTextFor(encode(message));
}

function trustIn(publicKey: KeyObject, notBefore = NOW - 30 * DAY, notAfter = NOW + 30 * DAY): DccTrust {
  const signer: DccSigner = {
    country: 'AT',
    kid: KID.toString('base64'),
    publicKey,
    notBefore,
    notAfter,
    extendedKeyUsage: [],
  };
  return { signersFor: () => [signer], size: 1 };
}

const verify = (text: string, trust = trustIn(ec.publicKey)) =>
  verifyDcc(text, { trust, now: new Date(NOW), clockToleranceSec: 0 });

describe('DCC signatures and signer periods', () => {
  it('verifies ES256 in COSE_Sign1 tagged, untagged and inside a CWT tag', () => {
    for (const tags of [[18], [], [18, 61]]) expect(verify(signedDcc({ tags })).verified).toBe(true);
  });

  it('verifies PS256 with a 32-byte salt and refuses another salt length', () => {
    const trust = trustIn(rsa.publicKey);
    expect(verify(signedDcc({ alg: -37, key: rsa.privateKey }), trust).verified).toBe(true);
    const salt20 = verify(signedDcc({ alg: -37, key: rsa.privateKey, saltLength: 20 }), trust);
    expect(salt20.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('refuses a signature by another key', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const report = verify(signedDcc({ key: other.privateKey }));
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('refuses a certificate signed before its DSC was valid', () => {
    const report = verify(signedDcc({}), trustIn(ec.publicKey, NOW - DAY / 2));
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'CERTIFICATE_NOT_YET_VALID' });
  });

  it('refuses a certificate that outlives its DSC', () => {
    const report = verify(signedDcc({}), trustIn(ec.publicKey, NOW - 30 * DAY, NOW + DAY / 2));
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'CERTIFICATE_EXPIRED' });
  });

  it('checks iat and exp against the clock, with the tolerance given', () => {
    expect(verify(signedDcc({ exp: NOW - 1000 })).checks.validity).toEqual({ ok: false, code: 'EXPIRED' });
    expect(verify(signedDcc({ iat: NOW + 1000 })).checks.validity).toEqual({
      ok: false,
      code: 'NOT_YET_VALID',
    });
    const tolerant = verifyDcc(signedDcc({ iat: NOW + 1000 }), {
      trust: trustIn(ec.publicKey),
      now: new Date(NOW),
    });
    expect(tolerant.checks.validity).toEqual({ ok: true });
  });
});
