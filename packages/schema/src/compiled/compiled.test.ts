import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { completeTravelCardInput, completeVaccinationInput } from '../complete.js';
import { exampleTravelCardInput, exampleVaccinationInput } from '../examples.js';
import { vaccinationRecordFromSubject, vaccinationRecordSchema } from '../record.js';
import { travelCardInputSchema, travelCardSubjectSchema } from '../travel-card.js';
import { vaccinationInputSchema, vaccinationSubjectSchema } from '../vaccination.js';
import { mutations } from './mutate.js';
import { isVaccinationRecordAsIs } from './record.js';
import { isTravelCardSubjectAsIs } from './travel-card.js';
import { isTravelCardInputAsIs, parseTravelCardInputCompiled } from './travel-card-input.js';
import { isVaccinationSubjectAsIs } from './vaccination.js';
import { isVaccinationInputAsIs, parseVaccinationInputCompiled } from './vaccination-input.js';

const issuedAt = new Date('2025-01-15T10:00:00Z');

function subjectsOf<T>(done: { ok: true; value: { subject: T } } | { ok: false }): T {
  if (!done.ok) throw new Error('example does not complete');
  return done.value.subject;
}

const vaccination = subjectsOf(
  completeVaccinationInput(exampleVaccinationInput, { issuedAt, hcid: 'HCID-1', economy: 'THA' }),
);
const fullVaccination = {
  ...vaccination,
  id: 'did:example:holder',
  certificate: { ...vaccination.certificate, period: { start: '2025-01-15T10:00:00Z' } },
  vaccinations: vaccination.vaccinations.map((v, i) =>
    i === 0 ? { ...v, maholder: { code: 'ORG-1' }, validFrom: v.date, nextDose: '2024-03-29' } : v,
  ),
};
const travelCard = subjectsOf(
  completeTravelCardInput(exampleTravelCardInput, { issuedAt, cardNumber: 'ABTC-0001', economy: 'SGP' }),
);
const fullTravelCard = {
  ...travelCard,
  id: 'did:example:holder',
  holder: { ...travelCard.holder, photoDigest: `sha256-${'A'.repeat(43)}` },
};
// Inputs with every optional member the issuer would otherwise assign, so mutations reach each one.
const fullVaccinationInput = {
  ...exampleVaccinationInput,
  id: 'did:example:holder',
  person: { ...exampleVaccinationInput.person, identifier: 'AA1234567' },
  certificate: {
    hcid: 'HCID-1',
    issuer: 'THA',
    period: { start: '2025-01-15T10:00:00Z', end: '2026-01-15T10:00:00Z' },
  },
  vaccinations: fullVaccination.vaccinations,
};
const fullTravelCardInput = {
  ...fullTravelCard,
  validity: { from: '2025-01-15' },
};
const record = vaccinationRecordFromSubject(vaccination);
const fullRecord = vaccinationRecordFromSubject(fullVaccination);
const fullRecordWithKid = {
  ...fullRecord,
  certificate: { ...fullRecord.certificate, kid: 'k1', issuer: { identifier: 'THA', name: 'MoH' } },
};

/** True when some key holds `undefined` (JSON never does; the compiled checks leave that to zod). */
function holdsUndefined(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((v) => v === undefined || holdsUndefined(v));
}

/** What the compiled check must answer: zod accepts and answers the value unchanged. */
function zodAsIs(schema: z.ZodType, value: unknown): boolean {
  const parsed = schema.safeParse(value);
  return parsed.success && isDeepStrictEqual(parsed.data, value) && !holdsUndefined(value);
}

const show = (value: unknown) => JSON.stringify(value, (_k, v) => (v === undefined ? '<undefined>' : v));

const cases = [
  {
    name: 'vaccination subject',
    schema: vaccinationSubjectSchema,
    check: isVaccinationSubjectAsIs,
    seeds: [vaccination, fullVaccination],
  },
  {
    name: 'travel card subject',
    schema: travelCardSubjectSchema,
    check: isTravelCardSubjectAsIs,
    seeds: [travelCard, fullTravelCard],
  },
  {
    name: 'vaccination input',
    schema: vaccinationInputSchema,
    check: isVaccinationInputAsIs,
    seeds: [exampleVaccinationInput, fullVaccinationInput, { ...exampleVaccinationInput, certificate: {} }],
  },
  {
    name: 'travel card input',
    schema: travelCardInputSchema,
    check: isTravelCardInputAsIs,
    seeds: [exampleTravelCardInput, fullTravelCard, fullTravelCardInput],
  },
  {
    name: 'vaccination record',
    schema: vaccinationRecordSchema,
    check: isVaccinationRecordAsIs,
    seeds: [record, fullRecord, fullRecordWithKid],
  },
];

describe.each(cases)('compiled check: $name', ({ schema, check, seeds }) => {
  it('accepts the valid seeds as they are', () => {
    for (const seed of seeds) expect([zodAsIs(schema, seed), check(seed)]).toEqual([true, true]);
  });

  it('agrees with zod on 20,000 mutated values, and both sides occur', () => {
    const values = mutations(seeds, 20_000, 5);
    let accepted = 0;
    const disagreements: unknown[] = [];
    for (const value of values) {
      const expected = zodAsIs(schema, value);
      if (check(value) !== expected) disagreements.push({ compiled: !expected, value });
      if (expected) accepted++;
    }
    expect(disagreements.length, show(disagreements[0])).toBe(0);
    expect(accepted).toBeGreaterThan(500);
    expect(values.length - accepted).toBeGreaterThan(5_000);
  });

  it('leaves to zod what zod would change or refuses to copy as is', () => {
    for (const odd of [null, [], 'x', Object.create({ inherited: 1 })]) expect(check(odd)).toBe(false);
  });
});

const inputParsers = [
  {
    name: 'vaccination input',
    schema: vaccinationInputSchema,
    parse: parseVaccinationInputCompiled,
    seeds: [exampleVaccinationInput, fullVaccinationInput],
  },
  {
    name: 'travel card input',
    schema: travelCardInputSchema,
    parse: parseTravelCardInputCompiled,
    seeds: [exampleTravelCardInput, fullTravelCard, fullTravelCardInput],
  },
];

describe.each(inputParsers)('compiled parse: $name', ({ schema, parse, seeds }) => {
  it("answers zod's verdict and data on 20,000 mutated inputs", () => {
    const disagreements: unknown[] = [];
    for (const value of mutations(seeds, 20_000, 11)) {
      const expected = schema.safeParse(value);
      const actual = parse(value);
      const same = expected.success
        ? actual.success && isDeepStrictEqual(actual.data, expected.data)
        : !actual.success && isDeepStrictEqual(actual.error.issues, expected.error.issues);
      if (!same) disagreements.push(value);
    }
    expect(disagreements.length, show(disagreements[0])).toBe(0);
  });

  it('answers a well-formed input as it is, without copying it', () => {
    for (const seed of seeds) {
      const parsed = parse(seed);
      expect(parsed.success && parsed.data).toBe(seed);
    }
  });
});
