import { DDCC_VERSION, type RecordVaccination, type VaccinationRecord } from '@passage/schema';
import { isoString } from '../internal/iso-date.js';
import { dccProductDisplay } from './products.js';

/** Code systems of the DCC value sets, as WHO's CertDCCtoCoreDataSet map names them. */
const SNOMED = 'http://snomed.info/sct';
const ATC = 'http://www.whocc.no/atc';
const DCC_PRODUCT = 'https://id.uvci.eu/valuesets/vaccine-medicinal-product.json';
const DCC_MAH = 'https://id.uvci.eu/valuesets/vaccine-mah-manf.json';
const ISO3166 = 'urn:iso:std:iso:3166';

/** What the mapping needs besides the payload: the CWT claims and the signer. */
export interface DccRecordContext {
  /** Issuing country (CWT iss, else the DSC's country). */
  country: string;
  kid: string;
  iat?: number;
  exp: number;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;
const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
const isoOf = (seconds: number): string => isoString(seconds * 1000);

function nameOf(nam: Record<string, unknown>): string {
  // DDCC: "given family"; the transliterated forms stand in when the national ones are absent.
  const given = text(nam.gn) ?? text(nam.gnt)?.replaceAll('<', ' ');
  const family = text(nam.fn) ?? text(nam.fnt)?.replaceAll('<', ' ');
  if (given === undefined) return family ?? '';
  return family === undefined ? given : `${given} ${family}`;
}

/** The product as a coding, named when the value set entry is known (the officer reads the name). */
function brandOf(mp: string): RecordVaccination['brand'] {
  const display = dccProductDisplay(mp);
  return display === undefined
    ? { system: DCC_PRODUCT, code: mp }
    : { system: DCC_PRODUCT, code: mp, display };
}

function vaccinationOf(v: Record<string, unknown>): RecordVaccination {
  const vp = String(v.vp);
  const out: RecordVaccination = {
    // The DCC value set holds SNOMED CT codes and ATC codes (J07BX03).
    vaccine: { system: vp.charCodeAt(0) <= 0x39 ? SNOMED : ATC, code: vp },
    brand: brandOf(String(v.mp)),
    date: String(v.dt),
    dose: positive(v.dn) ?? 1,
    country: { system: ISO3166, code: String(v.co) },
  };
  const ma = text(v.ma);
  if (ma !== undefined) out.maholder = { system: DCC_MAH, code: ma };
  const totalDoses = positive(v.sd);
  if (totalDoses !== undefined) out.totalDoses = totalDoses;
  const tg = text(v.tg);
  if (tg !== undefined) out.disease = { system: SNOMED, code: tg };
  return out;
}

/**
 * Maps a schema-valid DCC vaccination payload into the canonical DDCC:VS record, following WHO's
 * CertDCCtoCoreDataSet map (codes kept in their DCC systems; no ICD-11 translation here).
 * Returns `undefined` for test and recovery certificates, which have no vaccination record.
 */
export function dccVaccinationRecord(
  hcert: Record<string, unknown>,
  context: DccRecordContext,
): VaccinationRecord | undefined {
  const group = hcert.v;
  if (!Array.isArray(group) || group.length === 0) return undefined;
  const entries = group as Record<string, unknown>[];
  // The schema lets value-set codes be empty (issuers in the field did send ""); the canonical record
  // has no empty codes, so such a certificate keeps its native form only.
  for (const v of entries)
    if (
      text(v.vp) === undefined ||
      text(v.mp) === undefined ||
      text(v.dt) === undefined ||
      text(v.co) === undefined
    )
      return undefined;
  const first = entries[0] ?? {};
  const nam = (hcert.nam ?? {}) as Record<string, unknown>;
  const birthDate = text(hcert.dob);
  const issuerName = text(first.is);
  return {
    name: nameOf(nam),
    ...(birthDate === undefined ? {} : { birthDate }),
    certificate: {
      issuer: { identifier: context.country, ...(issuerName === undefined ? {} : { name: issuerName }) },
      hcid: { value: String(first.ci) },
      kid: context.kid,
      version: typeof hcert.ver === 'string' ? hcert.ver : DDCC_VERSION,
      period: {
        ...(context.iat === undefined ? {} : { start: isoOf(context.iat) }),
        end: isoOf(context.exp),
      },
    },
    vaccinations: entries.map(vaccinationOf),
  };
}
