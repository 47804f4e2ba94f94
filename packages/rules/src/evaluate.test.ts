import { exampleTravelCardInput, type TravelCardSubject, type VaccinationSubject } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { evaluateEntryRules } from './evaluate.js';
import { exampleRuleSet } from './examples.js';
import type { RuleSet } from './schema.js';

const now = new Date('2024-06-01T00:00:00Z');

function dose(date: string, n: number, brand = 'Comirnaty') {
  return {
    vaccine: { system: 'http://id.who.int/icd11/mms', code: 'XM68M6' },
    brand,
    manufacturer: 'BioNTech Manufacturing GmbH',
    lot: `LOT${n}`,
    date,
    dose: n,
    country: 'THA',
  };
}

function vaccination(...vaccinations: ReturnType<typeof dose>[]): VaccinationSubject {
  return {
    person: { name: 'Test Person', birthDate: '1985-04-12' },
    certificate: { hcid: 'HC-1', issuer: 'THA' },
    vaccinations,
  };
}

const twoDoses = vaccination(dose('2024-03-01', 1), dose('2024-03-29', 2));

function card(status: 'granted' | 'pending', until = '2028-12-31'): TravelCardSubject {
  return {
    holder: exampleTravelCardInput.holder,
    cardNumber: 'APEC-0001',
    issuingEconomy: 'SGP',
    validity: { from: '2024-01-01', until },
    preClearances: [
      { economy: 'THA', status, ...(status === 'granted' ? { maxStayDays: 90 } : {}) },
      { economy: 'JPN', status: 'granted', maxStayDays: 90 },
    ],
  };
}

function vac(data: unknown, arrivalDate: string, economy = 'THA', at = now) {
  return evaluateEntryRules(exampleRuleSet, {
    credentialType: 'VaccinationCertificate',
    data,
    economy,
    arrivalDate,
    now: at,
  });
}

function btc(data: unknown, arrivalDate: string) {
  return evaluateEntryRules(exampleRuleSet, {
    credentialType: 'BusinessTravelCard',
    data,
    economy: 'THA',
    arrivalDate,
    now,
  });
}

function outcomeOf(verdict: ReturnType<typeof vac>, id: string) {
  return verdict.results.find((r) => r.id === id && r.outcome !== 'not-yet-valid')?.outcome;
}

describe('vaccination rule: N accepted doses, the last 14 to D days before arrival', () => {
  it('passes two accepted doses, the last 73 days before arrival', () => {
    const verdict = vac(twoDoses, '2024-06-10');
    expect(verdict.outcome).toBe('pass');
    expect(outcomeOf(verdict, 'THA-VAC-0001')).toBe('pass');
    expect(verdict.results[0]?.text).toMatch(/^Met: At least 2 doses/);
  });

  it('passes on day 14 and on day 365 exactly, at any time of those days', () => {
    expect(vac(twoDoses, '2024-04-12T00:00:00Z').outcome).toBe('pass');
    expect(vac(twoDoses, '2025-03-29T23:59:59Z').outcome).toBe('pass');
  });

  it('fails when the last dose is 13 days before arrival', () => {
    const verdict = vac(twoDoses, '2024-04-11T23:00:00Z');
    expect(verdict.outcome).toBe('fail');
    expect(verdict.results[0]?.text).toMatch(/^Not met: /);
  });

  it('fails when the last dose is 366 days before arrival', () => {
    expect(vac(twoDoses, '2025-03-30').outcome).toBe('fail');
  });

  it('fails with one dose only', () => {
    expect(vac(vaccination(dose('2024-03-01', 1)), '2024-06-10').outcome).toBe('fail');
  });

  it('fails when the last dose is of a vaccine the economy does not accept', () => {
    const mixed = vaccination(dose('2024-03-01', 1), dose('2024-03-29', 2, 'Sputnik V'));
    expect(vac(mixed, '2024-06-10').outcome).toBe('fail');
  });

  it('takes the latest dose whatever the order of the events', () => {
    expect(vac(vaccination(dose('2024-03-29', 2), dose('2024-03-01', 1)), '2024-06-10').outcome).toBe('pass');
  });

  it('reads the canonical record as well as a Passage subject', async () => {
    const { vaccinationRecordFromSubject } = await import('@passage/schema');
    expect(vac(vaccinationRecordFromSubject(twoDoses), '2024-06-10').outcome).toBe('pass');
  });
});

describe('travel card rule: pre-clearance granted and card valid at arrival', () => {
  it('passes a granted pre-clearance on a valid card', () => {
    expect(btc(card('granted'), '2024-06-10').outcome).toBe('pass');
  });

  it('passes on the last day of validity', () => {
    expect(btc(card('granted'), '2028-12-31T23:30:00Z').outcome).toBe('pass');
  });

  it('fails a pending pre-clearance', () => {
    expect(btc(card('pending'), '2024-06-10').outcome).toBe('fail');
  });

  it('fails when the card has expired at arrival', () => {
    expect(btc(card('granted', '2024-05-31'), '2024-06-01T08:00:00Z').outcome).toBe('fail');
  });

  it('fails when the card has no pre-clearance for the economy', () => {
    const other = {
      ...card('granted'),
      preClearances: [{ economy: 'JPN', status: 'granted', maxStayDays: 90 }],
    };
    expect(btc(other, '2024-06-10').outcome).toBe('fail');
  });
});

describe('rule selection', () => {
  it('lists a version published ahead of time as not-yet-valid without letting it decide', () => {
    const verdict = vac(twoDoses, '2024-06-10');
    const upcoming = verdict.results.find((r) => r.outcome === 'not-yet-valid');
    expect(upcoming).toMatchObject({
      id: 'THA-VAC-0001',
      version: '1.1.0',
      validFrom: '2030-01-01T00:00:00Z',
    });
    expect(verdict.outcome).toBe('pass');
  });

  it('uses the version in force at the validation time', () => {
    const at = new Date('2030-02-01T00:00:00Z');
    const two = vaccination(dose('2029-12-01', 1), dose('2030-01-01', 2));
    const three = vaccination(dose('2029-11-01', 1), dose('2029-12-01', 2), dose('2030-01-01', 3));
    const failed = vac(two, '2030-02-10', 'THA', at);
    expect(failed.results.map((r) => [r.version, r.outcome])).toEqual([['1.1.0', 'fail']]);
    expect(vac(three, '2030-02-10', 'THA', at).outcome).toBe('pass');
  });

  it('drops a version once its validTo has passed', () => {
    const [first] = exampleRuleSet.rules;
    if (!first) throw new Error('example has rules');
    const ended: RuleSet = { ...exampleRuleSet, rules: [{ ...first, validTo: '2024-05-01T00:00:00Z' }] };
    const verdict = evaluateEntryRules(ended, {
      credentialType: 'VaccinationCertificate',
      data: twoDoses,
      economy: 'THA',
      arrivalDate: '2024-06-10',
      now,
    });
    expect(verdict.outcome).toBe('no-rules');
  });

  it('applies only the verifying economy’s rules', () => {
    const verdict = vac(twoDoses, '2024-06-10', 'JPN');
    expect(verdict.results.map((r) => r.id)).toEqual(['JPN-VAC-0001']);
    expect(verdict.outcome).toBe('fail'); // Japan asks for 3 doses
  });

  it('says no-rules for an economy without rules', () => {
    expect(vac(twoDoses, '2024-06-10', 'USA').outcome).toBe('no-rules');
  });

  it('applies only rules for the credential type', () => {
    expect(btc(card('granted'), '2024-06-10').results.map((r) => r.id)).toEqual(['THA-BTC-0001']);
  });

  it('gives the description in the requested language, English otherwise', () => {
    const ja = evaluateEntryRules(exampleRuleSet, {
      credentialType: 'VaccinationCertificate',
      data: twoDoses,
      economy: 'JPN',
      arrivalDate: '2024-06-10',
      now,
      language: 'ja',
    });
    expect(ja.results[0]?.description).toMatch(/^日本/);
    expect(vac(twoDoses, '2024-06-10', 'JPN').results[0]?.description).toMatch(/^At least 3/);
  });
});

describe('arrival date normalisation', () => {
  it('answers a canonical instant unchanged and normalises other forms as before', () => {
    const cases: [string, string | undefined][] = [
      ['2024-06-01T10:00:00.000Z', '2024-06-01T10:00:00.000Z'],
      ['2024-06-01', '2024-06-01T00:00:00.000Z'],
      ['2024-06-01T10:00:00Z', '2024-06-01T10:00:00.000Z'],
      ['2024-06-01T12:00:00.000+02:00', '2024-06-01T10:00:00.000Z'],
      ['2024-02-30T10:00:00.000Z', undefined],
      ['2024-06-01T24:00:00.000Z', undefined],
      ['2024-06-01T10:00:00.000z', undefined],
      ['2024-06-01 10:00:00.000Z', undefined],
    ];
    for (const [arrival, expected] of cases) {
      const verdict = vac(twoDoses, arrival);
      if (expected === undefined) expect(verdict.error?.code, arrival).toBe('ARRIVAL_INVALID');
      else expect(verdict.arrivalDate, arrival).toBe(expected);
    }
  });
});
