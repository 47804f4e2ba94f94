import type { Coding, RecordVaccination, VaccinationRecord } from '@passage/schema';
import { splitName } from '../dcc/issue-name.js';

type Resource = Record<string, unknown>;

const ICD11 = 'http://id.who.int/icd11/mms';

/** FHIR codings are `{system, code, display}`; a record code without a system is ICD-11 in DDCC. */
function coding(c: Coding): Coding {
  return {
    system: c.system ?? ICD11,
    code: c.code,
    ...(c.display === undefined ? {} : { display: c.display }),
  };
}

function immunization(v: RecordVaccination): Resource {
  const maker = v.maholder ?? v.manufacturer;
  return {
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: { coding: [coding(v.vaccine)] },
    patient: { reference: 'resource:0' },
    occurrenceDateTime: v.date,
    ...(v.lot === undefined ? {} : { lotNumber: v.lot }),
    ...(maker === undefined
      ? {}
      : {
          manufacturer: {
            identifier: {
              ...(maker.system === undefined ? {} : { system: maker.system }),
              value: maker.code,
            },
          },
        }),
    ...(v.centre === undefined ? {} : { performer: [{ actor: { display: v.centre } }] }),
    protocolApplied: [
      {
        doseNumberPositiveInt: v.dose,
        ...(v.totalDoses === undefined ? {} : { seriesDosesPositiveInt: v.totalDoses }),
      },
    ],
  };
}

/**
 * The FHIR R4 bundle of a card (SMART Health Cards Vaccination IG): a Patient (name split "given
 * family" as DDCC writes it, birthDate) and one Immunization per dose, referenced by `resource:N`
 * URLs to keep the QR small. Codes keep their record systems (ICD-11 is one the IG accepts).
 */
export function shcBundleFromRecord(record: VaccinationRecord): Resource {
  const { given, family } = splitName(record.name);
  const patient: Resource = {
    resourceType: 'Patient',
    name: [{ family, ...(given === undefined ? {} : { given: given.split(' ') }) }],
    ...(record.birthDate === undefined ? {} : { birthDate: record.birthDate }),
  };
  const resources = [patient, ...record.vaccinations.map(immunization)];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource, i) => ({ fullUrl: `resource:${i}`, resource })),
  };
}
