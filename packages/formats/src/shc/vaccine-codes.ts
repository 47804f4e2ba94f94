import type { Coding } from '@passage/schema';

/** FHIR's CVX code system, the vaccine codes US issuers put in `Immunization.vaccineCode`. */
export const CVX_SYSTEM = 'http://hl7.org/fhir/sid/cvx';
/** SNOMED CT. */
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
const ICD11 = 'http://id.who.int/icd11/mms';

const icd11 = (code: string, display: string): Coding => ({ system: ICD11, code, display });

const MRNA = icd11('XM0GQ8', 'COVID-19 vaccine, RNA based');
const VECTOR = icd11('XM9QW8', 'COVID-19 vaccine, non-replicating viral vector');
const SUBUNIT = icd11('XM5JC5', 'COVID-19 vaccine, virus protein subunit');
const COMIRNATY = icd11('XM8NQ0', 'Comirnaty®');
const MODERNA = icd11('XM3DT5', 'COVID-19 Vaccine Moderna');

/**
 * CVX → ICD-11 (vaccine, brand). 208 is WHO DDCC's own ConceptMap (who-ddcc-map-cvx-icd11-vaccines
 * and -brands); the others are the same mapping applied to CVX's product entries for the same
 * products (Pfizer 217–219, Moderna 207/221, AstraZeneca 210, Janssen 212, Novavax 211). Codes not
 * listed keep their CVX coding, as the WHO map says (`unmapped.mode = provided`).
 */
const CVX: Readonly<Record<string, { vaccine: Coding; brand?: Coding }>> = {
  '207': { vaccine: MRNA, brand: MODERNA },
  '208': { vaccine: MRNA, brand: COMIRNATY },
  '210': { vaccine: VECTOR, brand: icd11('XM4YL8', 'COVID-19 Vaccine AstraZeneca') },
  '211': { vaccine: SUBUNIT },
  '212': { vaccine: VECTOR, brand: icd11('XM6QV1', 'COVID-19 Vaccine Janssen') },
  '217': { vaccine: MRNA, brand: COMIRNATY },
  '218': { vaccine: MRNA, brand: COMIRNATY },
  '219': { vaccine: MRNA, brand: COMIRNATY },
  '221': { vaccine: MRNA, brand: MODERNA },
};

/** SNOMED CT → ICD-11, the reverse of WHO DDCC's who-ddcc-map-icd11-sct-vaccines. */
const SNOMED: Readonly<Record<string, Coding>> = {
  '28531000087107': icd11('XM68M6', 'COVID-19 vaccine'),
  '1119349007': MRNA,
  '1157024006': icd11('XM1NL1', 'COVID-19 vaccine, inactivated virus'),
  '29061000087103': VECTOR,
};

/**
 * The canonical vaccine and brand codings of an Immunization's `vaccineCode.coding`: ICD-11 where a
 * WHO mapping exists, otherwise the card's own coding (so nothing is lost or invented).
 */
export function vaccineCodings(codings: readonly Coding[]): { vaccine: Coding; brand: Coding } | undefined {
  const first = codings[0];
  if (first === undefined) return undefined;
  for (const coding of codings) {
    const cvx = coding.system === CVX_SYSTEM ? CVX[coding.code] : undefined;
    if (cvx) return { vaccine: cvx.vaccine, brand: cvx.brand ?? coding };
    const sct = coding.system === SNOMED_SYSTEM ? SNOMED[coding.code] : undefined;
    if (sct) return { vaccine: sct, brand: coding };
  }
  return { vaccine: first, brand: first };
}
