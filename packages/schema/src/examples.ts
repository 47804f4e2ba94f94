import type { TravelCardInput } from './travel-card.js';
import type { VaccinationInput } from './vaccination.js';

/** A realistic vaccination certificate request (two doses given in Thailand), for demos and tests. */
export const exampleVaccinationInput: VaccinationInput = {
  person: {
    name: 'Somchai Jaidee',
    birthDate: '1985-04-12',
    identifier: { type: 'passport', value: 'AA1234567' },
    sex: 'male',
  },
  vaccinations: [
    {
      vaccine: { system: 'http://id.who.int/icd11/mms', code: 'XM68M6', display: 'COVID-19 vaccine' },
      brand: 'Comirnaty',
      manufacturer: 'BioNTech Manufacturing GmbH',
      lot: 'FK5127',
      date: '2024-03-01',
      dose: 1,
      totalDoses: 2,
      country: 'THA',
      centre: 'Bangkok Central Vaccination Centre',
      disease: { system: 'http://id.who.int/icd11/mms', code: 'RA01', display: 'COVID-19' },
    },
    {
      vaccine: { system: 'http://id.who.int/icd11/mms', code: 'XM68M6', display: 'COVID-19 vaccine' },
      brand: 'Comirnaty',
      manufacturer: 'BioNTech Manufacturing GmbH',
      lot: 'FL3842',
      date: '2024-03-29',
      dose: 2,
      totalDoses: 2,
      country: 'THA',
      centre: 'Bangkok Central Vaccination Centre',
      disease: { system: 'http://id.who.int/icd11/mms', code: 'RA01', display: 'COVID-19' },
    },
  ],
};

/** A realistic business travel card request (a Singaporean holder pre-cleared by four economies). */
export const exampleTravelCardInput: TravelCardInput = {
  holder: {
    familyName: 'TAN',
    givenNames: 'MEI LING',
    birthDate: '1979-11-02',
    sex: 'F',
    nationality: 'SGP',
    passport: { number: 'K1234567A', expiry: '2031-05-01' },
  },
  preClearances: [
    { economy: 'AUS', status: 'granted', maxStayDays: 90 },
    { economy: 'JPN', status: 'granted', maxStayDays: 90 },
    { economy: 'THA', status: 'granted', maxStayDays: 90 },
    { economy: 'CAN', status: 'pending' },
  ],
};

const DAY_MS = 86_400_000;

/**
 * {@link exampleVaccinationInput} with its two doses `daysAgo` days before `now` (60 and 30 by
 * default), so that it meets the example entry rules (last dose 14 to 365 days before arrival) today:
 * for demos, benchmarks and tests that run on any date.
 */
export function recentVaccinationInput(
  now: Date = new Date(),
  daysAgo: readonly [number, number] = [60, 30],
): VaccinationInput {
  const dateBefore = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  const [first, second] = exampleVaccinationInput.vaccinations;
  if (!first || !second) throw new Error('the example holds two doses');
  return {
    ...exampleVaccinationInput,
    vaccinations: [
      { ...first, date: dateBefore(daysAgo[0]) },
      { ...second, date: dateBefore(daysAgo[1]) },
    ],
  };
}
