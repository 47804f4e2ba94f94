// The products of the EU DCC vaccine-medicinal-product value set that Passage maps, with the names
// they go by: for issuing DCCs from a record's brand, and for naming a DCC's product to the officer.

/** SNOMED CT: COVID-19 mRNA vaccine. */
export const MRNA = '1119349007';
/** ATC: COVID-19 vaccines. */
export const COVID_VACCINES = 'J07BX03';

/** A product of the EU DCC vaccine-medicinal-product value set. */
export interface DccProduct {
  mp: string;
  /** Its vaccine class (`vp`): an mRNA vaccine (SNOMED) or the ATC class of COVID-19 vaccines. */
  vp: string;
  /** The name an officer reads. */
  display: string;
  /** Lower-case names it goes by, as `normalized` writes them, for mapping a record's brand. */
  names: readonly string[];
  icd11?: string;
}

/** Products of the vaccine-medicinal-product value set, with the names and ICD-11 codes they go by. */
export const DCC_PRODUCTS: readonly DccProduct[] = [
  {
    mp: 'EU/1/20/1528',
    display: 'Comirnaty',
    vp: MRNA,
    names: ['comirnaty', 'pfizer biontech', 'bnt162b2'],
    icd11: 'XM8NQ0',
  },
  {
    mp: 'EU/1/20/1507',
    display: 'Spikevax',
    vp: MRNA,
    names: ['spikevax', 'covid 19 vaccine moderna', 'moderna', 'mrna 1273'],
    icd11: 'XM3DT5',
  },
  {
    mp: 'EU/1/21/1529',
    display: 'Vaxzevria',
    vp: COVID_VACCINES,
    names: ['vaxzevria', 'covid 19 vaccine astrazeneca', 'astrazeneca', 'azd1222'],
    icd11: 'XM4YL8',
  },
  {
    mp: 'EU/1/20/1525',
    display: 'Jcovden',
    vp: COVID_VACCINES,
    names: ['jcovden', 'covid 19 vaccine janssen', 'janssen', 'ad26 cov2 s'],
    icd11: 'XM6QV1',
  },
  { mp: 'EU/1/21/1618', display: 'Nuvaxovid', vp: COVID_VACCINES, names: ['nuvaxovid', 'nvx cov2373'] },
  { mp: 'Covishield', display: 'Covishield', vp: COVID_VACCINES, names: ['covishield'], icd11: 'XM97T2' },
  { mp: 'CoronaVac', display: 'CoronaVac', vp: COVID_VACCINES, names: ['coronavac'], icd11: 'XM7HT3' },
  {
    mp: 'BBIBP-CorV',
    display: 'BBIBP-CorV (Covilo)',
    vp: COVID_VACCINES,
    names: ['bbibp corv', 'covilo'],
    icd11: 'XM8866',
  },
  { mp: 'Covaxin', display: 'Covaxin', vp: COVID_VACCINES, names: ['covaxin', 'bbv152'], icd11: 'XM1G90' },
  {
    mp: 'Sputnik-V',
    display: 'Sputnik V',
    vp: COVID_VACCINES,
    names: ['sputnik v', 'gam covid vac'],
    icd11: 'XM5ZJ4',
  },
  {
    mp: 'Sputnik-Light',
    display: 'Sputnik Light',
    vp: COVID_VACCINES,
    names: ['sputnik light'],
    icd11: 'XM5QM6',
  },
  {
    mp: 'Convidecia',
    display: 'Convidecia',
    vp: COVID_VACCINES,
    names: ['convidecia', 'ad5 ncov'],
    icd11: 'XM1AG7',
  },
  {
    mp: 'EpiVacCorona',
    display: 'EpiVacCorona',
    vp: COVID_VACCINES,
    names: ['epivaccorona'],
    icd11: 'XM6SZ8',
  },
];

const DISPLAYS = new Map(DCC_PRODUCTS.map((product) => [product.mp, product.display]));

/** The name of a DCC product code (`EU/1/20/1528` → Comirnaty), undefined for one not listed. */
export function dccProductDisplay(mp: string): string | undefined {
  return DISPLAYS.get(mp);
}
