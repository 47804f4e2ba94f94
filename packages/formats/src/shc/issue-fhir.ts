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

const CVX = 'http://hl7.org/fhir/sid/cvx';

// The product CVX code of each brand a record may name: by Passage's name, the EU DCC's product code
// or the WHO ICD-11 brand code. US verifiers read the product from CVX, and vaccine-codes.ts maps it
// back to the ICD-11 brand, so a card's brand survives the round trip for entry rules to check.
const CVX_OF_BRAND: Readonly<Record<string, string>> = {
  comirnaty: '208',
  'eu/1/20/1528': '208',
  xm8nq0: '208',
  spikevax: '207',
  'eu/1/20/1507': '207',
  xm3dt5: '207',
  vaxzevria: '210',
  'eu/1/21/1529': '210',
  xm4yl8: '210',
  jcovden: '212',
  'eu/1/20/1525': '212',
  xm6qv1: '212',
};

/** The Immunization's vaccine codings: the brand's CVX product code first, when it has one. */
function vaccineCodings(v: RecordVaccination): Coding[] {
  const cvx = v.brand === undefined ? undefined : CVX_OF_BRAND[v.brand.code.toLowerCase()];
  const vaccine = coding(v.vaccine);
  return cvx === undefined ? [vaccine] : [{ system: CVX, code: cvx }, vaccine];
}

function immunization(v: RecordVaccination): Resource {
  const maker = v.maholder ?? v.manufacturer;
  return {
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: { coding: vaccineCodings(v) },
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
 * URLs to keep the QR small. Codes keep their record systems (ICD-11 is one the IG accepts); a known
 * brand adds its CVX product code.
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
