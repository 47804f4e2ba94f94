import type { EntryRule, RuleSet } from './schema.js';

const arrival = { plusTime: [{ var: 'external.arrivalDate' }, 0, 'day'] };

/**
 * At least `doses` doses, the last one of an accepted vaccine (value set `accepted-covid19-vaccines`,
 * brand codes) and given between 14 and `maxDays` calendar days (UTC) before arrival.
 */
function vaccinationLogic(doses: number, maxDays: number): unknown {
  return {
    and: [
      {
        in: [{ var: 'derived.lastDose.brand.code' }, { var: 'external.valueSets.accepted-covid19-vaccines' }],
      },
      { '>=': [{ var: 'derived.lastDose.dose' }, doses] },
      { 'not-after': [{ plusTime: [{ var: 'derived.lastDoseDate' }, 14, 'day'] }, arrival] },
      { after: [{ plusTime: [{ var: 'derived.lastDoseDate' }, maxDays + 1, 'day'] }, arrival] },
    ],
  };
}

/** Pre-clearance for the verifying economy granted, and the card valid on the arrival day (UTC). */
const travelCardLogic = {
  and: [
    { '===': [{ var: 'derived.preClearance.status' }, 'granted'] },
    { 'not-before': [arrival, { plusTime: [{ var: 'payload.validity.from' }, 0, 'day'] }] },
    { before: [arrival, { plusTime: [{ var: 'payload.validity.until' }, 1, 'day'] }] },
  ],
};

const rules: EntryRule[] = [
  {
    id: 'THA-VAC-0001',
    version: '1.0.0',
    economy: 'THA',
    credentialType: 'VaccinationCertificate',
    description: {
      en: 'At least 2 doses of a COVID-19 vaccine Thailand accepts, the last one given 14 to 365 days before arrival.',
    },
    validFrom: '2024-01-01T00:00:00Z',
    affectedFields: ['vaccinations.brand', 'vaccinations.dose', 'vaccinations.date'],
    logic: vaccinationLogic(2, 365),
  },
  {
    id: 'THA-VAC-0001',
    version: '1.1.0',
    economy: 'THA',
    credentialType: 'VaccinationCertificate',
    description: {
      en: 'At least 3 doses of a COVID-19 vaccine Thailand accepts, the last one given 14 to 270 days before arrival.',
    },
    validFrom: '2030-01-01T00:00:00Z',
    affectedFields: ['vaccinations.brand', 'vaccinations.dose', 'vaccinations.date'],
    logic: vaccinationLogic(3, 270),
  },
  {
    id: 'THA-BTC-0001',
    version: '1.0.0',
    economy: 'THA',
    credentialType: 'BusinessTravelCard',
    description: {
      en: 'The card carries a pre-clearance for Thailand that is granted, and the card is valid on the arrival day.',
    },
    validFrom: '2024-01-01T00:00:00Z',
    affectedFields: ['preClearances', 'validity'],
    logic: travelCardLogic,
  },
  {
    id: 'JPN-VAC-0001',
    version: '1.0.0',
    economy: 'JPN',
    credentialType: 'VaccinationCertificate',
    description: {
      en: 'At least 3 doses of a COVID-19 vaccine Japan accepts, the last one given 14 to 180 days before arrival.',
      ja: '日本が認める新型コロナワクチンを3回以上接種し、最終接種が入国の14日前から180日前までであること。',
    },
    validFrom: '2024-01-01T00:00:00Z',
    affectedFields: ['vaccinations.brand', 'vaccinations.dose', 'vaccinations.date'],
    logic: vaccinationLogic(3, 180),
  },
];

/**
 * An unsigned example rule set: Thailand's vaccination rule (2 doses now, 3 doses from 2030, published
 * ahead of time), Thailand's travel card rule and Japan's vaccination rule. Sign it with `signRuleSet`
 * or `passage rules sign` before a verifier will load it.
 */
export const exampleRuleSet: RuleSet = {
  type: 'PassageEntryRules',
  schemaVersion: 1,
  version: 1,
  issuedAt: '2025-01-01T00:00:00Z',
  valueSets: {
    // The same vaccines as each format codes their brand: Passage's names, the EU DCC's product codes
    // (EU/1/…, "Covishield"), and WHO ICD-11 brand codes, which SMART Health Cards' CVX codes map to.
    'accepted-covid19-vaccines': [
      'Comirnaty',
      'Spikevax',
      'Vaxzevria',
      'Jcovden',
      'Nuvaxovid',
      'Covishield',
      'EU/1/20/1528',
      'EU/1/20/1507',
      'EU/1/21/1529',
      'EU/1/20/1525',
      'EU/1/21/1618',
      'XM8NQ0',
      'XM3DT5',
      'XM4YL8',
      'XM6QV1',
    ],
  },
  rules,
};
