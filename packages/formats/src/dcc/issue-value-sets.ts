import type { Coding } from '@passage/schema';
import countries from 'i18n-iso-countries';
import { FormatIssueError } from './issue-error.js';
import { COVID_VACCINES, DCC_PRODUCTS, MRNA } from './products.js';

/*
 * Passage (DDCC:VS, ICD-11) codes → EU DCC value sets (ehn-dcc-valuesets: disease-agent-targeted,
 * vaccine-prophylaxis, vaccine-medicinal-product, vaccine-mah-manf, country-2-codes). Only mappings
 * that hold by definition are listed; anything else is VALUE_NOT_MAPPED, never a guess.
 */

const ICD11 = 'http://id.who.int/icd11/mms';
const SNOMED = 'http://snomed.info/sct';

/** SNOMED CT 840539006, COVID-19: the one disease the DCC vaccination group covers. */
export const DCC_COVID19 = '840539006';

const ANTIGEN = '1119305005';
const PROPHYLAXIS = new Set([MRNA, ANTIGEN, COVID_VACCINES]);

/** ICD-11 vaccine classes → vaccine-prophylaxis: RNA vaccines are SNOMED's mRNA vaccine, other classes ATC J07BX03. */
const VACCINE_CLASSES: Readonly<Record<string, string>> = {
  XM0GQ8: MRNA,
  XM68M6: COVID_VACCINES,
  XM1NL1: COVID_VACCINES,
  XM3U61: COVID_VACCINES,
  XM5DF6: COVID_VACCINES,
  XM9QW8: COVID_VACCINES,
  XM0CX4: COVID_VACCINES,
  XM5JC5: COVID_VACCINES,
  XM3CT4: COVID_VACCINES,
  XM1J92: COVID_VACCINES,
  XM6AT1: COVID_VACCINES,
};

/** Marketing authorisation holders and manufacturers of the vaccine-mah-manf value set. */
const HOLDERS: Readonly<Record<string, readonly string[]>> = {
  'ORG-100030215': ['biontech manufacturing gmbh', 'biontech'],
  'ORG-100031184': ['moderna biotech spain s l', 'moderna biotech spain sl', 'moderna'],
  'ORG-100001699': ['astrazeneca ab', 'astrazeneca'],
  'ORG-100001417': ['janssen cilag international', 'janssen cilag international nv'],
  'ORG-100032020': ['novavax cz a s', 'novavax cz as', 'novavax cz'],
  'ORG-100001981': ['serum institute of india private limited', 'serum institute of india'],
  'ORG-100020693': [
    'china sinopharm international corp beijing location',
    'china sinopharm international corp',
  ],
  'ORG-100013793': ['cansino biologics', 'cansino biologics inc'],
  'ORG-100006270': ['curevac ag'],
  'Sinovac-Biotech': ['sinovac biotech', 'sinovac biotech ltd', 'sinovac'],
  'Bharat-Biotech': ['bharat biotech', 'bharat biotech international limited'],
  'Gamaleya-Research-Institute': ['gamaleya research institute'],
  'Vector-Institute': ['vector institute'],
};

/** Lower case, accents, ® and punctuation dropped: how a name is compared with the aliases above. */
function normalized(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[®™]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const unmapped = (field: string, what: string) =>
  new FormatIssueError('VALUE_NOT_MAPPED', `${what} has no code in the EU DCC value set`, { field });

const isIcd11 = (c: Coding) =>
  c.system === ICD11 || (c.system === undefined && /^XM[0-9A-Z]{4}$/.test(c.code));

/** The DCC vaccine-medicinal-product code of a brand: an EU code as such, an ICD-11 product code or a known name. */
export function dccProduct(brand: Coding, field: string): { mp: string; vp: string } {
  const byCode = DCC_PRODUCTS.find((p) => p.mp === brand.code || (isIcd11(brand) && p.icd11 === brand.code));
  const names = [brand.code, brand.display].filter((t): t is string => t !== undefined).map(normalized);
  const found = byCode ?? DCC_PRODUCTS.find((p) => names.some((n) => p.names.includes(n)));
  if (!found) throw unmapped(field, 'the vaccine brand');
  return { mp: found.mp, vp: found.vp };
}

/** The DCC vaccine-prophylaxis code of a vaccine: EU codes as such, ICD-11 classes and products mapped. */
export function dccProphylaxis(vaccine: Coding, field: string): string {
  if (PROPHYLAXIS.has(vaccine.code) && vaccine.system !== ICD11) return vaccine.code;
  if (isIcd11(vaccine)) {
    const byClass = VACCINE_CLASSES[vaccine.code];
    if (byClass !== undefined) return byClass;
    const product = DCC_PRODUCTS.find((p) => p.icd11 === vaccine.code);
    if (product) return product.vp;
  }
  throw unmapped(field, 'the vaccine');
}

/** The DCC vaccine-mah-manf code of a holder or manufacturer: a value-set code as such, or a known name. */
export function dccHolder(holder: Coding, field: string): string {
  if (Object.hasOwn(HOLDERS, holder.code)) return holder.code;
  const names = [holder.code, holder.display].filter((t): t is string => t !== undefined).map(normalized);
  const found = Object.entries(HOLDERS).find(([, aliases]) => names.some((n) => aliases.includes(n)));
  if (!found) throw unmapped(field, 'the marketing authorisation holder or manufacturer');
  return found[0];
}

/** The DCC disease code: COVID-19 (ICD-11 RA01 and its children, or SNOMED 840539006); none means COVID-19. */
export function dccDisease(disease: Coding | undefined, field: string): string {
  if (disease === undefined) return DCC_COVID19;
  const icd = disease.system === ICD11 || disease.system === undefined;
  if (
    (icd && /^RA01(\.\d+)?$/.test(disease.code)) ||
    (disease.system === SNOMED && disease.code === DCC_COVID19)
  )
    return DCC_COVID19;
  throw unmapped(field, 'the disease');
}

/** ISO 3166-1 alpha-2 for an alpha-3 (or alpha-2) country code, as DCC `co` and CWT `iss` want. */
export function alpha2Of(code: string, field: string): string {
  const upper = code.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && countries.isValid(upper)) return upper;
  const alpha2 = /^[A-Z]{3}$/.test(upper) ? countries.alpha3ToAlpha2(upper) : undefined;
  if (alpha2 === undefined) throw unmapped(field, 'the country');
  return alpha2;
}

/**
 * The ISO 3166-1 alpha-2 code of a Passage economy (alpha-3), as DCC `iss`, `co` and trust entries
 * carry it. Throws VALUE_NOT_MAPPED for a code ISO does not assign.
 */
export function dccCountryCode(economy: string): string {
  return alpha2Of(economy, 'country');
}
