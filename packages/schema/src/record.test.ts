import { describe, expect, it } from 'vitest';
import { exampleVaccinationInput } from './examples.js';
import { credentialJsonSchema } from './json-schema.js';
import { vaccinationRecordFromSubject, vaccinationRecordSchema } from './record.js';
import { vaccinationSubjectSchema } from './vaccination.js';

const subject = vaccinationSubjectSchema.parse({
  ...exampleVaccinationInput,
  certificate: { hcid: 'HCID-9', issuer: 'THA' },
});

describe('canonical vaccination record', () => {
  it('maps our subject into DDCC:VS with coded country and vaccine', () => {
    const record = vaccinationRecordFromSubject(subject);
    expect(vaccinationRecordSchema.safeParse(record).success).toBe(true);
    expect(record.certificate.hcid.value).toBe('HCID-9');
    expect(record.identifier).toEqual({ type: 'passport', value: 'AA1234567' });
    expect(record.vaccinations[0]?.country).toEqual({ system: 'urn:iso:std:iso:3166', code: 'THA' });
    expect(record.vaccinations[1]?.brand).toEqual({ code: 'Comirnaty' });
  });
});

describe('generated JSON Schema', () => {
  it('describes the subject generated from zod, strict on unknown keys', () => {
    const schema = credentialJsonSchema('VaccinationCertificate', 'https://issuer.example/schemas/v.json');
    const subjectSchema = (schema.properties as Record<string, Record<string, unknown>>).credentialSubject;
    expect(subjectSchema?.additionalProperties).toBe(false);
    expect(subjectSchema?.required).toEqual(['person', 'certificate', 'vaccinations']);
  });
});
