import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { jsonSegment } from './base64url.js';
import { issuerLabel } from './details.js';
import { checkReceived } from './received.js';

const holderDid = 'did:jwk:eyJ0ZXN0Ijp0cnVlfQ';
const issuerUrl = 'http://127.0.0.1:4001';
const issuer = 'did:web:127.0.0.1%3A4001:authorities:demo-moph';

/** An unsigned stand-in for the issued JWS: the wallet reads the claims, the verifier checks the signature. */
function jws(claims: Record<string, unknown>): string {
  return `${jsonSegment({ alg: 'ES256' })}.${jsonSegment(claims)}.c2ln`;
}

const completed = completeVaccinationInput(exampleVaccinationInput, {
  issuedAt: new Date('2025-01-01T00:00:00Z'),
  hcid: 'HCID-1',
  economy: 'THA',
});
if (!completed.ok) throw new Error('the example must complete');
const subject = completed.value.subject;

const credential = (overrides: Record<string, unknown> = {}) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential', 'VaccinationCertificate'],
  issuer,
  validFrom: '2025-01-01T00:00:00Z',
  validUntil: '2026-01-01T00:00:00Z',
  credentialSubject: { id: holderDid, ...subject },
  ...overrides,
});

describe('checking what the issuer sent', () => {
  it('summarises a credential for this key from this issuer', () => {
    const summary = checkReceived(jws(credential()), { holderDid, issuerUrl });
    expect(summary.type).toBe('VaccinationCertificate');
    expect(summary.name).toBe(exampleVaccinationInput.person.name);
    expect(summary.issuer).toBe(issuer);
    expect(summary.validUntil).toBe('2026-01-01T00:00:00Z');
    // The card names the issuing economy, then the host the credential came from.
    expect(issuerLabel(summary)).toBe('Thailand (127.0.0.1:4001)');
  });

  it('refuses a credential for another holder (CREDENTIAL_MISMATCH)', () => {
    const other = credential({ credentialSubject: { ...subject, id: 'did:jwk:other' } });
    expect(() => checkReceived(jws(other), { holderDid, issuerUrl })).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_MISMATCH' }),
    );
  });

  it('refuses a credential from another issuer (CREDENTIAL_MISMATCH)', () => {
    const other = credential({ issuer: 'did:web:evil.example' });
    expect(() => checkReceived(jws(other), { holderDid, issuerUrl })).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_MISMATCH' }),
    );
  });

  it('refuses what is not a compact JWS of a Passage credential (CREDENTIAL_INVALID)', () => {
    expect(() => checkReceived('not-a-jws', { holderDid, issuerUrl })).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_INVALID' }),
    );
    const untyped = credential({ type: ['VerifiableCredential'] });
    expect(() => checkReceived(jws(untyped), { holderDid, issuerUrl })).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_INVALID' }),
    );
  });

  it('takes no date from a NumericDate beyond the time range, and refuses a validFrom that is no date', () => {
    const { validFrom: _from, validUntil: _until, ...undated } = credential();
    const far = { ...undated, nbf: 1735689600, exp: 1e300 };
    expect(checkReceived(jws(far), { holderDid, issuerUrl }).validUntil).toBeUndefined();
    expect(() =>
      checkReceived(jws(credential({ validFrom: 'the first of January' })), { holderDid, issuerUrl }),
    ).toThrow(expect.objectContaining({ code: 'CREDENTIAL_INVALID' }));
  });
});
