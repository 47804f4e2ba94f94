import { describe, expect, it } from 'vitest';
import { entryRulesInputOf } from './from-report.js';

describe('entryRulesInputOf', () => {
  it('takes the canonical record of a vaccination certificate, not its subject', () => {
    const report = {
      credentialType: 'VaccinationCertificate',
      record: { r: 1 },
      credential: { credentialSubject: { s: 1 } },
    };
    expect(entryRulesInputOf(report)).toEqual({ credentialType: 'VaccinationCertificate', data: { r: 1 } });
  });

  it('takes the subject of a travel card', () => {
    const report = { credentialType: 'BusinessTravelCard', credential: { credentialSubject: { s: 1 } } };
    expect(entryRulesInputOf(report)?.data).toEqual({ s: 1 });
  });

  it('gives nothing for a report without a known type or without data', () => {
    expect(entryRulesInputOf({ credentialType: 'DriverLicence', record: {} })).toBeUndefined();
    expect(entryRulesInputOf({ credentialType: 'VaccinationCertificate' })).toBeUndefined();
  });
});
