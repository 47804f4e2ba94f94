import { createHash, verify as cryptoVerify, randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exampleRecord, ISSUED_AT, p256 } from '../dcc/issue-fixtures.js';
import { keyObjectSigner } from '../dcc/issue-signer.js';
import { issueShc } from './issue.js';
import { shcPublicJwk } from './issue-jwks.js';
import { verifyShc } from './verify.js';

const ISS = 'https://issuer.example/authorities/th-moph';
const authority = p256();
const jwk = shcPublicJwk(authority.publicKey);
const issue = (record = exampleRecord()) =>
  issueShc({ record, signer: keyObjectSigner(authority.privateKey), kid: jwk.kid, iss: ISS, nbf: ISSUED_AT });

/** Decodes shc:/ text with node alone: digit pairs + 45, base64url, raw inflate, node:crypto. */
function independentlyDecode(text: string) {
  const digits = text.slice('shc:/'.length);
  const jws = (digits.match(/\d\d/g) ?? []).map((pair) => String.fromCharCode(Number(pair) + 45)).join('');
  const [h = '', p = '', s = ''] = jws.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  const payload = JSON.parse(inflateRawSync(Buffer.from(p, 'base64url')).toString('utf8'));
  const signatureValid = cryptoVerify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: authority.publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  return { jws, header, payload, signatureValid };
}

describe('issueShc', () => {
  it('issues shc:/ text that Passage verifies with the published JWKS', async () => {
    const text = await issue();
    const trust = [{ framework: 'shc', iss: ISS, keys: [jwk] }];
    const report = verifyShc(text, { trust, now: new Date('2026-02-01T00:00:00Z') });
    expect(report.errors).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.record?.name).toBe('Somchai Jaidee');
    expect(report.record?.certificate.hcid.value).toBe('THA-7K2M9QXD4HPA3B5C');
    expect(report.record?.vaccinations.map((v) => [v.date, v.dose, v.lot])).toEqual([
      ['2024-03-01', 1, 'FK5127'],
      ['2024-03-29', 2, 'FL3842'],
    ]);
  });

  it('keeps the brand: Comirnaty goes out as CVX 208 and comes back as its ICD-11 brand code', async () => {
    const { payload } = independentlyDecode(await issue());
    const first = payload.vc.credentialSubject.fhirBundle.entry[1].resource;
    expect(first.vaccineCode.coding[0]).toEqual({ system: 'http://hl7.org/fhir/sid/cvx', code: '208' });
    const trust = [{ framework: 'shc', iss: ISS, keys: [jwk] }];
    const report = verifyShc(await issue(), { trust, now: new Date('2026-02-01T00:00:00Z') });
    expect(report.record?.vaccinations.map((v) => [v.vaccine.code, v.brand.code])).toEqual([
      ['XM0GQ8', 'XM8NQ0'],
      ['XM0GQ8', 'XM8NQ0'],
    ]);
  });

  it('agrees with an independent decoder on header, claims and signature', async () => {
    const { jws, header, payload, signatureValid } = independentlyDecode(await issue());
    expect(signatureValid).toBe(true);
    expect(jws.length).toBeLessThanOrEqual(1195);
    expect(header).toEqual({ alg: 'ES256', zip: 'DEF', kid: jwk.kid });
    expect(payload.iss).toBe(ISS);
    expect(payload.nbf).toBe(ISSUED_AT.getTime() / 1000);
    expect(payload.vc.type).toContain('https://smarthealth.cards#health-card');
    const resources = payload.vc.credentialSubject.fhirBundle.entry.map(
      (e: { resource: unknown }) => e.resource,
    );
    expect(resources[0]).toEqual({
      resourceType: 'Patient',
      name: [{ family: 'Jaidee', given: ['Somchai'] }],
      birthDate: '1985-04-12',
    });
    expect(resources.filter((r: { resourceType: string }) => r.resourceType === 'Immunization')).toHaveLength(
      2,
    );
  });

  it('publishes the key under its RFC 7638 thumbprint', () => {
    const { x, y } = jwk;
    const expected = createHash('sha256')
      .update(`{"crv":"P-256","kty":"EC","x":"${x}","y":"${y}"}`)
      .digest('base64url');
    expect(jwk).toMatchObject({ kid: expected, use: 'sig', alg: 'ES256', kty: 'EC', crv: 'P-256' });
  });

  it('refuses a card too large for one QR code', async () => {
    const record = exampleRecord();
    const dose = record.vaccinations[0];
    if (!dose) throw new Error('the example has doses');
    record.vaccinations = Array.from({ length: 20 }, () => ({
      ...dose,
      lot: randomBytes(24).toString('hex'),
    }));
    await expect(issue(record)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});
