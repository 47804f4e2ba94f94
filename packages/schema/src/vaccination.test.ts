import { describe, expect, it } from 'vitest';
import { completeVaccinationInput } from './complete.js';
import { exampleVaccinationInput } from './examples.js';
import { parseSubject } from './subject.js';
import { type VaccinationInput, vaccinationInputSchema } from './vaccination.js';

const issuedAt = new Date('2025-01-15T10:00:00Z');
const assigned = { issuedAt, hcid: 'HCID-1', economy: 'THA' };

function withEvent(patch: Record<string, unknown>): unknown {
  const [first] = exampleVaccinationInput.vaccinations;
  return { ...exampleVaccinationInput, vaccinations: [{ ...first, ...patch }] };
}

function paths(value: unknown): string[] {
  const parsed = vaccinationInputSchema.safeParse(value);
  if (parsed.success) {
    const done = completeVaccinationInput(parsed.data, assigned);
    return done.ok ? [] : done.issues.map((i) => i.path);
  }
  return parsed.error.issues.map((i) => i.path.join('.'));
}

describe('vaccination certificate subject', () => {
  it('completes the example with the assigned HCID, economy and a one-year period', () => {
    const done = completeVaccinationInput(exampleVaccinationInput, assigned);
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.subject.certificate).toMatchObject({ hcid: 'HCID-1', issuer: 'THA' });
    expect(done.value.validFrom).toBe('2025-01-15T10:00:00Z');
    expect(done.value.validUntil).toBe('2026-01-15T10:00:00Z');
  });

  it('refuses an impossible date', () =>
    expect(paths(withEvent({ date: '2023-02-29' }))).toEqual(['vaccinations.0.date']));
  it('refuses a dose of zero', () => expect(paths(withEvent({ dose: 0 }))).toEqual(['vaccinations.0.dose']));
  it('refuses an unknown country code', () =>
    expect(paths(withEvent({ country: 'XXA' }))).toEqual(['vaccinations.0.country']));
  it('needs a manufacturer or a market authorisation holder', () =>
    expect(paths(withEvent({ manufacturer: undefined }))).toEqual(['vaccinations.0.manufacturer']));
  it('accepts a market authorisation holder instead of a manufacturer', () =>
    expect(paths(withEvent({ manufacturer: undefined, maholder: 'Pfizer' }))).toEqual([]));
  it('refuses a dose given after the issuance date', () =>
    expect(paths(withEvent({ date: '2025-02-01' }))).toEqual(['vaccinations.0.date']));
  it('refuses a dose given before birth', () =>
    expect(paths(withEvent({ date: '1980-01-01' }))).toEqual(['vaccinations.0.date']));
  it('refuses a next dose that is not after the dose', () =>
    expect(paths(withEvent({ nextDose: '2024-03-01' }))).toEqual(['vaccinations.0.nextDose']));
  it('refuses unknown keys', () => expect(paths({ ...exampleVaccinationInput, extra: 1 })).toEqual(['']));
  it('refuses an empty list of vaccinations', () =>
    expect(paths({ ...exampleVaccinationInput, vaccinations: [] })).toEqual(['vaccinations']));

  it('accepts a code as {system, code, display} or as a string', () => {
    const input: VaccinationInput = {
      ...exampleVaccinationInput,
      vaccinations: exampleVaccinationInput.vaccinations.map((e) => ({ ...e, vaccine: 'XM68M6' })),
    };
    expect(completeVaccinationInput(input, assigned).ok).toBe(true);
  });

  it('re-checks a received subject against its issuance date', () => {
    const done = completeVaccinationInput(exampleVaccinationInput, assigned);
    if (!done.ok) throw new Error('example must complete');
    expect(parseSubject('VaccinationCertificate', done.value.subject, { issuedAt }).ok).toBe(true);
    const early = parseSubject('VaccinationCertificate', done.value.subject, {
      issuedAt: new Date('2024-03-10'),
    });
    expect(early.ok).toBe(false);
  });
});
