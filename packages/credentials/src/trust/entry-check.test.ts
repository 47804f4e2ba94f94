import { describe, expect, it } from 'vitest';
import { checkTrustEntry, statusAt } from './entry-check.js';
import {
  type PassageTrustEntry,
  type PassageTrustEntryInput,
  passageTrustEntrySchema,
} from './trust-file.js';

const did = 'did:web:health.example:authorities:moph';
const base: PassageTrustEntryInput = {
  framework: 'passage',
  did,
  name: 'Ministry of Public Health',
  economy: 'THA',
  types: ['VaccinationCertificate'],
};
const entry = (extra: Partial<PassageTrustEntryInput> = {}): PassageTrustEntry =>
  passageTrustEntrySchema.parse({ ...base, ...extra });

const t = (iso: string) => Date.parse(iso);
const now = t('2026-06-01T00:00:00Z');
const input = (issuedAt: string | undefined) => ({
  credentialType: 'VaccinationCertificate',
  issuedAt: issuedAt === undefined ? undefined : t(issuedAt),
  now,
});

const suspendedThenReinstated = {
  status: 'active' as const,
  statusHistory: [
    { status: 'suspended' as const, since: '2026-02-01T00:00:00Z' },
    { status: 'active' as const, since: '2026-03-01T00:00:00Z' },
  ],
};
const terminatedInApril = {
  status: 'terminated' as const,
  statusHistory: [{ status: 'terminated' as const, since: '2026-04-01T00:00:00Z' }],
};

describe('trust entry schema', () => {
  it('keeps older trust files valid: status defaults to active, no window', () => {
    const parsed = entry();
    expect(parsed.status).toBe('active');
    expect(parsed.validFrom).toBeUndefined();
  });

  it('refuses an unknown status', () => {
    expect(passageTrustEntrySchema.safeParse({ ...base, status: 'paused' }).success).toBe(false);
  });
});

describe('checkTrustEntry', () => {
  it('passes an active entry of the right type', () => {
    expect(checkTrustEntry(entry(), input('2026-01-10T00:00:00Z'))).toBeUndefined();
  });

  it('TYPE_NOT_ALLOWED for a type the entry does not list', () => {
    const problem = checkTrustEntry(entry(), { ...input(undefined), credentialType: 'BusinessTravelCard' });
    expect(problem?.code).toBe('TYPE_NOT_ALLOWED');
  });

  it('ISSUER_SUSPENDED for a credential issued while suspended, later reinstated', () => {
    const problem = checkTrustEntry(entry(suspendedThenReinstated), input('2026-02-15T00:00:00Z'));
    expect(problem?.code).toBe('ISSUER_SUSPENDED');
  });

  it('passes a credential issued before the suspension or after the reinstatement', () => {
    expect(checkTrustEntry(entry(suspendedThenReinstated), input('2026-01-31T23:59:59Z'))).toBeUndefined();
    expect(checkTrustEntry(entry(suspendedThenReinstated), input('2026-03-01T00:00:00Z'))).toBeUndefined();
  });

  it('passes a credential issued before a suspension still in force', () => {
    const suspended = entry({
      status: 'suspended',
      statusHistory: [{ status: 'suspended', since: '2026-05-01T00:00:00Z' }],
    });
    expect(checkTrustEntry(suspended, input('2026-04-01T00:00:00Z'))).toBeUndefined();
    expect(checkTrustEntry(suspended, input('2026-05-02T00:00:00Z'))?.code).toBe('ISSUER_SUSPENDED');
  });

  it('ISSUER_SUSPENDED by the current status when the issuance time is unknown', () => {
    expect(checkTrustEntry(entry({ status: 'suspended' }), input(undefined))?.code).toBe('ISSUER_SUSPENDED');
    expect(checkTrustEntry(entry(suspendedThenReinstated), input(undefined))).toBeUndefined();
  });

  it('ISSUER_SUSPENDED when suspended with no history, whatever the issuance time', () => {
    expect(checkTrustEntry(entry({ status: 'suspended' }), input('2020-01-01T00:00:00Z'))?.code).toBe(
      'ISSUER_SUSPENDED',
    );
  });

  it('ISSUER_TERMINATED for a credential issued at or after termination', () => {
    expect(checkTrustEntry(entry(terminatedInApril), input('2026-04-01T00:00:00Z'))?.code).toBe(
      'ISSUER_TERMINATED',
    );
    expect(checkTrustEntry(entry(terminatedInApril), input('2026-05-01T00:00:00Z'))?.code).toBe(
      'ISSUER_TERMINATED',
    );
  });

  it('passes a credential issued before termination', () => {
    expect(checkTrustEntry(entry(terminatedInApril), input('2026-03-31T23:59:59Z'))).toBeUndefined();
  });

  it('ISSUER_TERMINATED when terminated and the issuance time is unknown', () => {
    expect(checkTrustEntry(entry(terminatedInApril), input(undefined))?.code).toBe('ISSUER_TERMINATED');
    expect(checkTrustEntry(entry({ status: 'terminated' }), input('2020-01-01T00:00:00Z'))?.code).toBe(
      'ISSUER_TERMINATED',
    );
  });

  it('ISSUER_NOT_VALID for a credential issued before validFrom or after validUntil', () => {
    const windowed = entry({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-12-31T23:59:59Z' });
    expect(checkTrustEntry(windowed, input('2025-12-31T23:59:59Z'))?.code).toBe('ISSUER_NOT_VALID');
    expect(checkTrustEntry(windowed, input('2027-01-01T00:00:00Z'))?.code).toBe('ISSUER_NOT_VALID');
    expect(checkTrustEntry(windowed, input('2026-06-01T00:00:00Z'))).toBeUndefined();
  });

  it('ISSUER_NOT_VALID by the clock when the issuance time is unknown', () => {
    const expired = entry({ validUntil: '2026-05-01T00:00:00Z' });
    expect(checkTrustEntry(expired, input(undefined))?.code).toBe('ISSUER_NOT_VALID');
  });
});

describe('statusAt', () => {
  it('orders the history by time, whatever order it is written in', () => {
    const history = [...suspendedThenReinstated.statusHistory].reverse();
    expect(statusAt(entry({ status: 'active', statusHistory: history }), t('2026-02-10T00:00:00Z'))).toBe(
      'suspended',
    );
  });

  it('is active before the first recorded change', () => {
    expect(statusAt(entry(terminatedInApril), t('2026-01-01T00:00:00Z'))).toBe('active');
  });
});
