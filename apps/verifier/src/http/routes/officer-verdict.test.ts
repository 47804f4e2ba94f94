// The officer page's words and colours (apps/verifier/web/src): plain logic, tested here because the
// root vitest project runs apps/*/src.
import { describe, expect, it } from 'vitest';
import type { OfficerAnswer } from '../../../web/src/answer.js';
import { reasonFor, reasonsOf } from '../../../web/src/reasons.js';
import { verdictOf } from '../../../web/src/verdict.js';

const now = new Date('2026-06-01T10:00:00Z');
const genuine: OfficerAnswer = { verified: true, format: 'passage', errors: [] };
const failed = (...codes: string[]): OfficerAnswer => ({
  verified: false,
  format: 'passage',
  errors: codes.map((code) => ({ code, message: 'x' })),
});
const entry = (outcome: NonNullable<OfficerAnswer['entry']>['outcome']): OfficerAnswer => ({
  ...genuine,
  entry: { economy: 'THA', arrivalDate: '2026-06-01', outcome, summary: `summary ${outcome}` },
});

describe('reasonFor', () => {
  it('says a revoked credential was revoked by the issuer', () => {
    expect(reasonFor('REVOKED', failed('REVOKED'))).toBe('Revoked by the issuer');
  });

  it('says an untrusted issuer is not recognised by the trust list', () => {
    expect(reasonFor('ISSUER_NOT_TRUSTED', failed('ISSUER_NOT_TRUSTED'))).toBe(
      'Issuer not recognised by the trust list',
    );
  });

  it('dates an expiry from the credential', () => {
    const answer = { ...failed('EXPIRED'), credential: { validUntil: '2026-03-03T00:00:00Z' } };
    expect(reasonFor('EXPIRED', answer)).toBe('Expired on 3 March 2026');
  });

  it('dates an expiry from a travel card without the credential', () => {
    const answer: OfficerAnswer = {
      ...failed('EXPIRED'),
      view: {
        holder: { name: 'A', birthDate: '1980-01-01' },
        facts: {
          kind: 'travel-card',
          cardNumber: 'C1',
          issuingEconomy: 'THA',
          validFrom: '2021-01-01',
          validUntil: '2026-01-31',
          preClearances: [],
        },
      },
    };
    expect(reasonFor('EXPIRED', answer)).toBe('Expired on 31 January 2026');
  });

  it('reads every decoding failure as an unreadable QR code', () => {
    expect(reasonFor('INVALID_BASE45', failed())).toBe(reasonFor('UNSUPPORTED_FORMAT', failed()));
    expect(reasonFor('INVALID_BASE45', failed())).toMatch(/not a travel credential/);
  });

  it("says a key binding failure is about the holder's proof, not the issuer's signature", () => {
    expect(reasonFor('KEY_BINDING_INVALID', failed('KEY_BINDING_INVALID'))).toMatch(/holder’s proof/);
    expect(reasonFor('KEY_BINDING_INVALID', failed())).not.toBe(reasonFor('SIGNATURE_INVALID', failed()));
  });

  it('keeps an unknown code in a sentence', () => {
    expect(reasonFor('SOMETHING_NEW', failed())).toBe('Could not be verified (SOMETHING_NEW)');
  });

  it('leaves out checks that did not run and repeats no reason', () => {
    expect(reasonsOf(failed('SIGNATURE_INVALID', 'NOT_CHECKED', 'SIGNATURE_INVALID'))).toHaveLength(1);
  });
});

describe('verdictOf', () => {
  it('is green for a genuine credential when no economy was asked', () => {
    expect(verdictOf(genuine, { now }).colour).toBe('green');
  });

  it('is green when the entry rules are met', () => {
    expect(verdictOf(entry('meets'), { now })).toMatchObject({ colour: 'green', reasons: ['summary meets'] });
  });

  it('is amber when the entry rules are not met', () => {
    expect(verdictOf(entry('does-not-meet'), { now })).toMatchObject({
      colour: 'amber',
      reasons: ['summary does-not-meet'],
    });
  });

  it('is amber when the entry rules cannot be evaluated or there are none', () => {
    expect(verdictOf(entry('cannot-evaluate'), { now }).colour).toBe('amber');
    expect(verdictOf(entry('no-rules'), { now }).colour).toBe('amber');
  });

  it('is red for a revoked credential, with the reason', () => {
    expect(verdictOf(failed('REVOKED'), { now })).toMatchObject({
      colour: 'red',
      reasons: ['Revoked by the issuer'],
    });
  });

  it('is red for a bad signature even when the entry rules were asked', () => {
    const { entry: notAuthentic } = entry('not-authentic');
    const answer: OfficerAnswer = {
      ...failed('SIGNATURE_INVALID'),
      ...(notAuthentic ? { entry: notAuthentic } : {}),
    };
    expect(verdictOf(answer, { now }).colour).toBe('red');
  });

  it('is red and says unreadable for text that is not a credential', () => {
    expect(verdictOf(failed('INVALID_PREFIX'), { now }).headline).toBe('Not a readable credential');
  });

  it('is amber when only the status could not be checked', () => {
    expect(verdictOf(failed('STATUS_UNAVAILABLE', 'NOT_CHECKED'), { now }).colour).toBe('amber');
  });

  it('is red when the status is unavailable and something else failed', () => {
    expect(verdictOf(failed('STATUS_UNAVAILABLE', 'EXPIRED'), { now }).colour).toBe('red');
  });

  it('is amber when a status list is stale', () => {
    const answer = { ...genuine, status: [{ purpose: 'revocation', set: false, stale: true }] };
    expect(verdictOf(answer, { now }).colour).toBe('amber');
  });

  it('is amber when the trust list has expired', () => {
    const answer: OfficerAnswer = {
      ...genuine,
      sources: { trustList: { source: 'bundle', expired: true }, network: false },
    };
    expect(verdictOf(answer, { now }).colour).toBe('amber');
  });

  it('is amber offline with data older than a day, green with fresh data', () => {
    const old = { offline: { dataFrom: '2026-05-30T10:00:00Z' }, now };
    const fresh = { offline: { dataFrom: '2026-06-01T09:00:00Z' }, now };
    expect(verdictOf(genuine, old).colour).toBe('amber');
    expect(verdictOf(genuine, old).reasons[0]).toMatch(/^Offline data is from 30 May 2026/);
    expect(verdictOf(genuine, fresh).colour).toBe('green');
  });
});
