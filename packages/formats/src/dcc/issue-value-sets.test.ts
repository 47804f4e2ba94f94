import { describe, expect, it } from 'vitest';
import { icaoTransliterate, splitName } from './issue-name.js';
import { uvciFor } from './issue-payload.js';
import { dccCountryCode, dccDisease, dccHolder, dccProduct, dccProphylaxis } from './issue-value-sets.js';

describe('EU value-set mapping', () => {
  it('maps brands by name, ICD-11 product code or EU code', () => {
    expect(dccProduct({ code: 'Comirnaty' }, 'b').mp).toBe('EU/1/20/1528');
    expect(dccProduct({ code: 'COMIRNATY®' }, 'b').mp).toBe('EU/1/20/1528');
    expect(dccProduct({ system: 'http://id.who.int/icd11/mms', code: 'XM3DT5' }, 'b').mp).toBe(
      'EU/1/20/1507',
    );
    expect(dccProduct({ code: 'EU/1/21/1529' }, 'b').mp).toBe('EU/1/21/1529');
  });

  it('maps vaccine classes: RNA to the SNOMED mRNA vaccine, others to ATC J07BX03', () => {
    expect(dccProphylaxis({ system: 'http://id.who.int/icd11/mms', code: 'XM0GQ8' }, 'v')).toBe('1119349007');
    expect(dccProphylaxis({ system: 'http://id.who.int/icd11/mms', code: 'XM9QW8' }, 'v')).toBe('J07BX03');
    expect(() => dccProphylaxis({ system: 'http://id.who.int/icd11/mms', code: 'XM1234' }, 'v')).toThrow(
      expect.objectContaining({ code: 'VALUE_NOT_MAPPED', field: 'v' }),
    );
  });

  it('maps holders by name and refuses a company that is not the holder (Pfizer for Comirnaty)', () => {
    expect(dccHolder({ code: 'BioNTech Manufacturing GmbH' }, 'm')).toBe('ORG-100030215');
    expect(dccHolder({ code: 'ORG-100001699' }, 'm')).toBe('ORG-100001699');
    expect(() => dccHolder({ code: 'Pfizer' }, 'm')).toThrow(
      expect.objectContaining({ code: 'VALUE_NOT_MAPPED' }),
    );
  });

  it('accepts COVID-19 as the only disease', () => {
    expect(dccDisease(undefined, 'd')).toBe('840539006');
    expect(dccDisease({ system: 'http://id.who.int/icd11/mms', code: 'RA01' }, 'd')).toBe('840539006');
    expect(() => dccDisease({ system: 'http://id.who.int/icd11/mms', code: '1C81' }, 'd')).toThrow(
      expect.objectContaining({ code: 'VALUE_NOT_MAPPED' }),
    );
  });

  it('turns economies into alpha-2 countries and refuses unassigned codes', () => {
    expect(dccCountryCode('THA')).toBe('TH');
    expect(dccCountryCode('HKG')).toBe('HK');
    expect(() => dccCountryCode('XXX')).toThrow(expect.objectContaining({ code: 'VALUE_NOT_MAPPED' }));
  });
});

describe('names and identifiers', () => {
  it('transliterates as ICAO 9303 does', () => {
    expect(icaoTransliterate("d'Červenková Panklová", 'n')).toBe('DCERVENKOVA<PANKLOVA');
    expect(icaoTransliterate('Jiřina-Maria Alena', 'n')).toBe('JIRINA<MARIA<ALENA');
    expect(icaoTransliterate('Müller', 'n')).toBe('MUELLER');
  });

  it('splits "given family" with the surname last', () => {
    expect(splitName('Mei Ling Tan')).toEqual({ given: 'Mei Ling', family: 'Tan' });
    expect(splitName('Sukarno')).toEqual({ given: undefined, family: 'Sukarno' });
  });

  it('makes a UVCI of the certificate id, and refuses one that does not fit', () => {
    expect(uvciFor('TH', 'THA-7K2M9QXD4HPA3B5C')).toBe('URN:UVCI:01:TH:THA/7K2M9QXD4HPA3B5C');
    expect(() => uvciFor('TH', 'X'.repeat(70))).toThrow(
      expect.objectContaining({ code: 'VALUE_NOT_MAPPED' }),
    );
  });
});
