import { z } from 'zod';

/**
 * The 21 APEC member economies, with the ISO 3166-1 codes and the names APEC itself uses
 * ("Chinese Taipei", "Hong Kong, China", …). The order is APEC's alphabetical order.
 */
/**
 * ICAO Doc 9303's code for an unspecified state: the economy of a trust entry whose holder belongs to
 * none a trust list names (a key handed over out of band, test keys).
 */
export const UNSPECIFIED_ECONOMY = 'XXX';

export const APEC_ECONOMIES = [
  { alpha2: 'AU', alpha3: 'AUS', name: 'Australia' },
  { alpha2: 'BN', alpha3: 'BRN', name: 'Brunei Darussalam' },
  { alpha2: 'CA', alpha3: 'CAN', name: 'Canada' },
  { alpha2: 'CL', alpha3: 'CHL', name: 'Chile' },
  { alpha2: 'CN', alpha3: 'CHN', name: "People's Republic of China" },
  { alpha2: 'HK', alpha3: 'HKG', name: 'Hong Kong, China' },
  { alpha2: 'ID', alpha3: 'IDN', name: 'Indonesia' },
  { alpha2: 'JP', alpha3: 'JPN', name: 'Japan' },
  { alpha2: 'KR', alpha3: 'KOR', name: 'Republic of Korea' },
  { alpha2: 'MY', alpha3: 'MYS', name: 'Malaysia' },
  { alpha2: 'MX', alpha3: 'MEX', name: 'Mexico' },
  { alpha2: 'NZ', alpha3: 'NZL', name: 'New Zealand' },
  { alpha2: 'PG', alpha3: 'PNG', name: 'Papua New Guinea' },
  { alpha2: 'PE', alpha3: 'PER', name: 'Peru' },
  { alpha2: 'PH', alpha3: 'PHL', name: 'The Philippines' },
  { alpha2: 'RU', alpha3: 'RUS', name: 'Russia' },
  { alpha2: 'SG', alpha3: 'SGP', name: 'Singapore' },
  { alpha2: 'TW', alpha3: 'TWN', name: 'Chinese Taipei' },
  { alpha2: 'TH', alpha3: 'THA', name: 'Thailand' },
  { alpha2: 'US', alpha3: 'USA', name: 'United States' },
  { alpha2: 'VN', alpha3: 'VNM', name: 'Viet Nam' },
] as const;

/** One APEC member economy. */
export type ApecEconomy = (typeof APEC_ECONOMIES)[number];
/** The ISO 3166-1 alpha-3 code of an APEC member economy. */
export type ApecAlpha3 = ApecEconomy['alpha3'];
/** The ISO 3166-1 alpha-2 code of an APEC member economy. */
export type ApecAlpha2 = ApecEconomy['alpha2'];

const alpha3Codes = APEC_ECONOMIES.map((e) => e.alpha3) as [ApecAlpha3, ...ApecAlpha3[]];

/** Accepts the alpha-3 code of an APEC member economy (`THA`, `HKG`, …). */
export const apecAlpha3Schema = z.enum(alpha3Codes);

/** The economy with this alpha-3 or alpha-2 code, if it is an APEC member. */
export function findApecEconomy(code: string): ApecEconomy | undefined {
  const upper = code.toUpperCase();
  return APEC_ECONOMIES.find((e) => e.alpha3 === upper || e.alpha2 === upper);
}
