import { describe, expect, it } from 'vitest';
import { checkTrustListAcceptable } from './accept.js';
import { addIssuer, createTrustList, signTrustList } from './edit.js';
import { generateOperatorKey } from './operator-key.js';
import type { TrustList } from './trust-list-schema.js';

const { privateJwk, publicJwk: operatorKey } = generateOperatorKey();
const now = new Date('2026-06-01T00:00:00Z');
const x = 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU';
const y = 'x_FEzRjGw1tDvD3yZjQZNR6FdJ4XC8Lpf5o0vCGe1ro';
const did = 'did:web:health.example:authorities:moph';
const entry = {
  framework: 'passage' as const,
  did,
  name: 'Ministry of Public Health',
  economy: 'THA',
  types: ['VaccinationCertificate' as const],
  keys: [{ kid: `${did}#key-1`, publicKeyJwk: { kty: 'EC' as const, crv: 'P-256' as const, x, y } }],
};
const draft = addIssuer(createTrustList('Passage operator', now), entry);
const v1 = signTrustList(draft, privateJwk, { now, validDays: 30 });
const accept = (candidate: unknown, held?: TrustList, at = now) =>
  checkTrustListAcceptable(candidate, held, { now: at, operatorKey });
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'accepted';
};
const copy = (list: TrustList): Record<string, unknown> => JSON.parse(JSON.stringify(list));

describe('checkTrustListAcceptable', () => {
  it('accepts a list signed by the pinned key, and the same list again', () => {
    expect(accept(v1).version).toBe(1);
    expect(accept(copy(v1), v1).entries[0]).toMatchObject({ did });
  });

  it('accepts a newer version', () => {
    const v2 = signTrustList(v1, privateJwk, { now });
    expect(accept(v2, v1).version).toBe(2);
  });

  it.each([
    ['name', (e: Record<string, unknown>) => ({ ...e, name: 'Ministry of Public Healtj' })],
    ['economy', (e: Record<string, unknown>) => ({ ...e, economy: 'THB' })],
    ['status', (e: Record<string, unknown>) => ({ ...e, status: 'suspended' })],
    [
      'types',
      (e: Record<string, unknown>) => ({ ...e, types: ['VaccinationCertificate', 'BusinessTravelCard'] }),
    ],
    [
      'key',
      (e: Record<string, unknown>) => ({
        ...e,
        keys: [{ kid: `${did}#key-1`, publicKeyJwk: { kty: 'EC', crv: 'P-256', x: y, y: x } }],
      }),
    ],
  ])('TRUST_LIST_SIGNATURE_INVALID when the entry %s is changed', (_field, change) => {
    const tampered = copy(v1);
    tampered.entries = [
      change((tampered.entries as Record<string, unknown>[])[0] as Record<string, unknown>),
    ];
    expect(codeOf(() => accept(tampered))).toBe('TRUST_LIST_SIGNATURE_INVALID');
  });

  it('TRUST_LIST_SIGNATURE_INVALID when any single byte of the entry text changes', () => {
    const text = JSON.stringify(v1);
    const start = text.indexOf('"entries"');
    const end = text.indexOf('"proof"', start);
    let refused = 0;
    let parsedAsList = 0;
    for (let i = start + 11; i < end - 3; i += 7) {
      const flipped = `${text.slice(0, i)}${String.fromCharCode(text.charCodeAt(i) ^ 1)}${text.slice(i + 1)}`;
      let json: unknown;
      try {
        json = JSON.parse(flipped);
      } catch {
        continue;
      }
      parsedAsList++;
      const code = codeOf(() => accept(json));
      if (code === 'TRUST_LIST_SIGNATURE_INVALID') refused++;
      else expect(code, `byte ${i}`).not.toBe('accepted');
    }
    expect(parsedAsList).toBeGreaterThan(10);
    expect(refused).toBe(parsedAsList);
  });

  it('TRUST_LIST_SIGNATURE_INVALID with another pinned key', () => {
    const other = generateOperatorKey().publicJwk;
    expect(codeOf(() => checkTrustListAcceptable(v1, undefined, { now, operatorKey: other }))).toBe(
      'TRUST_LIST_SIGNATURE_INVALID',
    );
  });

  it('TRUST_LIST_SIGNATURE_INVALID for an unsigned list', () => {
    expect(codeOf(() => accept(draft))).toBe('TRUST_LIST_SIGNATURE_INVALID');
  });

  it('TRUST_LIST_ROLLBACK for a lower version than the one held', () => {
    const v2 = signTrustList(v1, privateJwk, { now });
    expect(codeOf(() => accept(v1, v2))).toBe('TRUST_LIST_ROLLBACK');
  });

  it('TRUST_LIST_CONFLICT for the held version with other content', () => {
    const other = signTrustList(addIssuer(draft, { ...entry, name: 'Other' }), privateJwk, { now });
    expect(other.version).toBe(v1.version);
    expect(codeOf(() => accept(other, v1))).toBe('TRUST_LIST_CONFLICT');
  });

  it('TRUST_LIST_EXPIRED after validUntil', () => {
    expect(codeOf(() => accept(v1, undefined, new Date('2026-07-02T00:00:00Z')))).toBe('TRUST_LIST_EXPIRED');
  });

  it('TRUST_LIST_NOT_YET_VALID before issuedAt (beyond the tolerance)', () => {
    expect(codeOf(() => accept(v1, undefined, new Date('2026-05-31T23:00:00Z')))).toBe(
      'TRUST_LIST_NOT_YET_VALID',
    );
    expect(accept(v1, undefined, new Date('2026-05-31T23:58:00Z')).version).toBe(1);
  });

  it('TRUST_LIST_INVALID for something that is not a list', () => {
    expect(codeOf(() => accept('[]'))).toBe('TRUST_LIST_INVALID');
    expect(codeOf(() => accept([v1]))).toBe('TRUST_LIST_INVALID');
  });
});
