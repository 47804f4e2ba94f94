import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { prepareShcTrust } from './trust.js';
import { verifyShc } from './verify.js';

// SMART Health Card examples (spec.smarthealth.cards, see test/vectors/shc/SOURCE.txt).
const VECTORS = new URL('../../../../test/vectors/shc/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, VECTORS), 'utf8').trim();
const json = (name: string): unknown => JSON.parse(text(name));

const ISS = 'https://spec.smarthealth.cards/examples/issuer';
const KID0 = '3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s';
const jwks = json('issuer/.well-known/jwks.json') as { keys: unknown[] };
const crl = json(`issuer/.well-known/crl/${KID0}.json`);
const trustEntries = [{ framework: 'shc', iss: ISS, keys: jwks.keys, crl }];
const trust = prepareShcTrust(trustEntries);
// The examples were signed 2023-06-22 (nbf 1687450764.656); example 03 expires 2024-06-21.
const now = new Date('2023-07-01T00:00:00Z');
const qr = (n: string, i = 0) => text(`example-${n}-f-qr-code-numeric-value-${i}.txt`);

describe('verifyShc on the SMART Health Card examples', () => {
  it('verifies example 00 and maps it into the canonical record', () => {
    const report = verifyShc(qr('00'), { trust, now });
    expect(report.errors).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.format).toBe('shc');
    expect(report.record?.name).toBe('John B. Anyperson');
    expect(report.record?.birthDate).toBe('1951-01-20');
    expect(report.record?.certificate.issuer.identifier).toBe(ISS);
    expect(report.record?.vaccinations).toHaveLength(3);
    expect(report.record?.vaccinations[0]).toMatchObject({
      vaccine: { code: 'XM0GQ8' },
      brand: { code: 'XM3DT5' },
      lot: '0000001',
      date: '2021-01-01',
      dose: 1,
      centre: 'ABC General Hospital',
    });
    // CVX 229 has no WHO mapping: the card's own coding is kept.
    expect(report.record?.vaccinations[2]?.vaccine).toEqual({
      system: 'http://hl7.org/fhir/sid/cvx',
      code: '229',
    });
    expect(report.native?.rid).toBe('MKyCxh7p6uQ');
  });

  it('verifies example 01 (the key with an x5c chain)', () => {
    const report = verifyShc(qr('01'), { trust, now });
    expect(report.verified).toBe(true);
    expect(report.record?.certificate.kid).toBe('EBKOr72QQDcTBUuVzAzkfBTGew0ZA16GuWty64nS-sw');
  });

  it('verifies example 02 from its three legacy chunks, in any order; it has no immunizations', () => {
    const report = verifyShc([qr('02', 2), qr('02', 0), qr('02', 1)], { trust, now });
    expect(report.verified).toBe(true);
    expect(report.record).toBeUndefined();
  });

  it('refuses one chunk of example 02', () => {
    const report = verifyShc(qr('02', 0), { trust, now });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });

  it('finds example 03 revoked by the CRL', () => {
    const report = verifyShc(qr('03'), { trust, now });
    expect(report.verified).toBe(false);
    expect(report.checks.signature.ok).toBe(true);
    expect(report.checks.status).toEqual({ ok: false, code: 'REVOKED' });
  });

  it('accepts the compact JWS itself', () => {
    const report = verifyShc(text('example-00-d-jws.txt'), { trust: trustEntries, now });
    expect(report.verified).toBe(true);
    expect(report.envelope).toBe('jws');
  });

  it('revokes by a timestamped rid only the cards issued before it', () => {
    const later = { ...(crl as object), rids: ['vwAjHdarZuc.1687450000'] };
    const report = verifyShc(qr('03'), {
      trust: [{ framework: 'shc', iss: ISS, keys: jwks.keys, crl: later }],
      now,
    });
    expect(report.checks.status.ok).toBe(true);
  });

  it('cannot check a key that announces a crlVersion when no CRL is held', () => {
    const report = verifyShc(qr('00'), { trust: [{ framework: 'shc', iss: ISS, keys: jwks.keys }], now });
    expect(report.checks.status).toEqual({ ok: false, code: 'STATUS_UNAVAILABLE' });
  });

  it('reports a card not valid yet (nbf in the future)', () => {
    const report = verifyShc(qr('00'), { trust, now: new Date('2023-06-01T00:00:00Z') });
    expect(report.checks.validity).toEqual({ ok: false, code: 'NOT_YET_VALID' });
  });

  it('reports an expired card (example 03 after its exp)', () => {
    const report = verifyShc(qr('03'), { trust, now: new Date('2025-01-01T00:00:00Z') });
    expect(report.checks.validity).toEqual({ ok: false, code: 'EXPIRED' });
  });

  it('does not trust an issuer missing from the trust list', () => {
    const report = verifyShc(qr('00'), { trust: [], now });
    expect(report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
    expect(report.verified).toBe(false);
  });

  it('reports a tampered signature', () => {
    const [h, p, s] = text('example-00-d-jws.txt').split('.');
    const flipped = `${s?.startsWith('A') ? 'B' : 'A'}${s?.slice(1)}`;
    const report = verifyShc(`${h}.${p}.${flipped}`, { trust, now });
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });
});

describe('verifyShc on hostile cards', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const ownTrust = prepareShcTrust([{ framework: 'shc', iss: 'https://issuer.example', keys: [jwk] }]);
  const header = { zip: 'DEF', alg: 'ES256', kid: 'test-key' };
  const claims = {
    iss: 'https://issuer.example',
    nbf: 1687450764.5,
    vc: {
      type: ['https://smarthealth.cards#health-card'],
      credentialSubject: {
        fhirVersion: '4.0.1',
        fhirBundle: {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            { fullUrl: 'resource:0', resource: { resourceType: 'Patient', name: [{ text: 'Test Person' }] } },
            {
              fullUrl: 'resource:1',
              resource: {
                resourceType: 'Immunization',
                status: 'completed',
                vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '208' }] },
                occurrenceDateTime: '2021-05-01',
                lotNumber: 'L1',
              },
            },
          ],
        },
      },
    },
  };

  function card(payload: Buffer, hdr: object = header, key: KeyObject = privateKey): string {
    const h = Buffer.from(JSON.stringify(hdr)).toString('base64url');
    const input = `${h}.${payload.toString('base64url')}`;
    const sig = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${sig.toString('base64url')}`;
  }
  const deflated = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value)));

  it('verifies a well-formed card of its own (the harness works)', () => {
    const report = verifyShc(card(deflated(claims)), { trust: ownTrust, now });
    expect(report.verified).toBe(true);
    expect(report.record?.vaccinations[0]?.brand.code).toBe('XM8NQ0');
  });

  it('stops a zip bomb at the inflate bound', () => {
    const bomb = deflateRawSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    const report = verifyShc(card(bomb), { trust: ownTrust, now });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'INPUT_TOO_LARGE' });
  });

  it('rejects a payload that is not raw DEFLATE', () => {
    const report = verifyShc(card(Buffer.from('not deflate at all')), { trust: ownTrust, now });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'INVALID_COMPRESSION' });
  });

  it('rejects a header without zip: DEF', () => {
    const report = verifyShc(card(deflated(claims), { alg: 'ES256', kid: 'test-key' }), {
      trust: ownTrust,
      now,
    });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'INVALID_COMPRESSION' });
  });

  it('rejects an algorithm other than ES256', () => {
    const report = verifyShc(card(deflated(claims), { ...header, alg: 'ES384' }), { trust: ownTrust, now });
    expect(report.checks.signature).toEqual({ ok: false, code: 'ALGORITHM_NOT_ALLOWED' });
  });

  it('rejects an unknown kid', () => {
    const report = verifyShc(card(deflated(claims), { ...header, kid: 'other' }), { trust: ownTrust, now });
    expect(report.checks.signature).toEqual({ ok: false, code: 'KEY_NOT_FOUND' });
  });

  it('rejects a card signed by another key under a trusted kid', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const report = verifyShc(card(deflated(claims), header, other), { trust: ownTrust, now });
    expect(report.checks.signature).toEqual({ ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('reports claims without a health-card type as SCHEMA_INVALID', () => {
    const bad = { ...claims, vc: { ...claims.vc, type: ['VerifiableCredential'] } };
    const report = verifyShc(card(deflated(bad)), { trust: ownTrust, now });
    expect(report.checks.schema).toEqual({ ok: false, code: 'SCHEMA_INVALID' });
    expect(report.verified).toBe(false);
  });

  it('reports claims without nbf as SCHEMA_INVALID', () => {
    const { nbf: _nbf, ...bad } = claims;
    const report = verifyShc(card(deflated(bad)), { trust: ownTrust, now });
    expect(report.checks.schema).toEqual({ ok: false, code: 'SCHEMA_INVALID' });
  });

  it('reports an Immunization without a vaccine code as SCHEMA_INVALID', () => {
    const entry = claims.vc.credentialSubject.fhirBundle.entry;
    const imm = { ...entry[1]?.resource, vaccineCode: { coding: [] } };
    const bundle = { ...claims.vc.credentialSubject.fhirBundle, entry: [entry[0], { resource: imm }] };
    const bad = {
      ...claims,
      vc: { ...claims.vc, credentialSubject: { fhirVersion: '4.0.1', fhirBundle: bundle } },
    };
    const report = verifyShc(card(deflated(bad)), { trust: ownTrust, now });
    expect(report.checks.schema).toEqual({ ok: false, code: 'SCHEMA_INVALID' });
  });

  it('rejects a payload that is not JSON', () => {
    const report = verifyShc(card(deflateRawSync(Buffer.from('{"iss":'))), { trust: ownTrust, now });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });

  it('rejects text that is neither shc:/ nor a compact JWS', () => {
    const report = verifyShc('HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH', { trust: ownTrust, now });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'INVALID_PREFIX' });
  });

  it('rejects a JWS whose header is not JSON', () => {
    const report = verifyShc('bm90IGpzb24.e30.AAAA', { trust: ownTrust, now });
    expect(report.checks.decoding).toEqual({ ok: false, code: 'DECODING_FAILED' });
  });
});
