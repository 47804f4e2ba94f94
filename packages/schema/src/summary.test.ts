import { describe, expect, it } from 'vitest';
import type { VaccinationRecord } from './record.js';
import { summarizeRecord } from './summary.js';

// A canonical record as the EU DCC mapping makes one: no lot, no identifier, ICD-11 codes with display.
const record: VaccinationRecord = {
  name: 'Musterfrau-Gößinger Gabriele',
  birthDate: '1998-02-26',
  certificate: {
    issuer: { identifier: 'AT', name: 'Ministry of Health, Austria' },
    hcid: { value: 'URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B' },
    version: 'RC2',
  },
  vaccinations: [
    {
      vaccine: { system: 'http://id.who.int/icd11/mms', code: 'XM68M6', display: 'COVID-19 mRNA vaccine' },
      brand: { code: 'EU/1/20/1528' },
      date: '2021-02-18',
      dose: 2,
      totalDoses: 2,
      country: { system: 'urn:iso:std:iso:3166', code: 'AT' },
    },
    {
      vaccine: { code: 'XM68M6' },
      brand: { code: 'EU/1/20/1528' },
      date: '2021-01-28',
      dose: 1,
      country: { code: 'AT' },
    },
  ],
};

describe('summarizeRecord', () => {
  it('gives the holder and doses of a foreign certificate in the Passage view', () => {
    const view = summarizeRecord(record);
    expect(view.holder).toEqual({ name: 'Musterfrau-Gößinger Gabriele', birthDate: '1998-02-26' });
    expect(view.facts).toMatchObject({
      kind: 'vaccination',
      certificateId: record.certificate.hcid.value,
      issuingEconomy: 'AT',
      lastDoseDate: '2021-02-18',
    });
    expect(view.facts.kind === 'vaccination' && view.facts.doses[0]).toEqual({
      dose: 2,
      totalDoses: 2,
      date: '2021-02-18',
      vaccine: 'COVID-19 mRNA vaccine',
      brand: 'EU/1/20/1528',
      country: 'AT',
    });
  });

  it('shows the document number and sex when the certificate carries them', () => {
    const view = summarizeRecord({ ...record, identifier: { value: 'PA1234567' }, sex: 'female' });
    expect(view.holder).toMatchObject({ documentNumber: 'PA1234567', sex: 'female' });
  });

  it('leaves an absent birth date empty rather than guessing', () => {
    const { birthDate: _birthDate, ...withoutBirthDate } = record;
    expect(summarizeRecord(withoutBirthDate).holder.birthDate).toBe('');
  });
});
