import { describe, expect, it } from 'vitest';
import { completeTravelCardInput } from './complete.js';
import { exampleTravelCardInput } from './examples.js';
import { type TravelCardInput, travelCardInputSchema, travelCardSubjectSchema } from './travel-card.js';

const issuedAt = new Date('2025-01-15T10:00:00Z');
const assigned = { issuedAt, cardNumber: 'SGP-0000-0001', economy: 'SGP' };

function issuePaths(input: unknown): string[] {
  const parsed = travelCardInputSchema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => i.path.join('.'));
  const done = completeTravelCardInput(parsed.data, assigned);
  return done.ok ? [] : done.issues.map((i) => i.path);
}

const withHolder = (patch: Partial<TravelCardInput['holder']>) => ({
  ...exampleTravelCardInput,
  holder: { ...exampleTravelCardInput.holder, ...patch },
});

describe('business travel card subject', () => {
  it('is valid until the passport expires when that comes before five years', () => {
    const done = completeTravelCardInput(exampleTravelCardInput, assigned);
    expect(done.ok && done.value.subject.validity).toEqual({ from: '2025-01-15', until: '2030-01-14' });
    const short = completeTravelCardInput(
      withHolder({ passport: { number: 'K1', expiry: '2027-06-30' } }),
      assigned,
    );
    expect(short.ok).toBe(false);
    const soon = completeTravelCardInput(
      withHolder({ passport: { number: 'K12345', expiry: '2027-06-30' } }),
      assigned,
    );
    expect(soon.ok && soon.value.subject.validity.until).toBe('2027-06-30');
    expect(soon.ok && soon.value.validUntil).toBe('2027-06-30T23:59:59Z');
  });

  it('assigns the card number and issuing economy when absent', () => {
    const done = completeTravelCardInput(exampleTravelCardInput, assigned);
    expect(done.ok && done.value.subject.cardNumber).toBe('SGP-0000-0001');
    expect(done.ok && done.value.subject.issuingEconomy).toBe('SGP');
  });

  it('refuses validity over five years', () =>
    expect(
      issuePaths({ ...exampleTravelCardInput, validity: { from: '2025-01-15', until: '2030-01-16' } }),
    ).toEqual(['validity.until']));
  it('refuses a received validity start that is no date, without throwing', () => {
    const done = completeTravelCardInput(exampleTravelCardInput, assigned);
    if (!done.ok) throw new Error('the example completes');
    const validity = { from: 'soon', until: '2026-01-15' };
    const parsed = travelCardSubjectSchema.safeParse({ ...done.value.subject, validity });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('validity.from');
  });
  it('refuses validity past the passport expiry', () =>
    expect(
      issuePaths({ ...exampleTravelCardInput, validity: { from: '2025-01-15', until: '2031-06-01' } }),
    ).toContain('validity.until'));
  it('refuses an expired passport', () =>
    expect(issuePaths(withHolder({ passport: { number: 'K1234567A', expiry: '2025-01-01' } }))).toContain(
      'holder.passport.expiry',
    ));
  it('refuses a non-APEC pre-clearing economy', () =>
    expect(
      issuePaths({ ...exampleTravelCardInput, preClearances: [{ economy: 'DEU', status: 'pending' }] }),
    ).toEqual(['preClearances.0.economy']));
  it('refuses a granted pre-clearance without a maximum stay', () =>
    expect(
      issuePaths({ ...exampleTravelCardInput, preClearances: [{ economy: 'AUS', status: 'granted' }] }),
    ).toEqual(['preClearances.0.maxStayDays']));
  it('refuses the same economy twice', () =>
    expect(
      issuePaths({
        ...exampleTravelCardInput,
        preClearances: [
          { economy: 'AUS', status: 'pending' },
          { economy: 'AUS', status: 'refused' },
        ],
      }),
    ).toEqual(['preClearances']));
  it('refuses the issuing economy pre-clearing its own card', () =>
    expect(
      issuePaths({ ...exampleTravelCardInput, preClearances: [{ economy: 'SGP', status: 'pending' }] }),
    ).toEqual(['preClearances']));
  it('refuses an unknown status', () =>
    expect(
      issuePaths({ ...exampleTravelCardInput, preClearances: [{ economy: 'AUS', status: 'maybe' }] }),
    ).toEqual(['preClearances.0.status']));
});
