import type { RecordVaccination, VaccinationRecord } from '@passage/schema';
import { FormatIssueError } from './issue-error.js';
import { icaoTransliterate, splitName } from './issue-name.js';
import { alpha2Of, dccDisease, dccHolder, dccProduct, dccProphylaxis } from './issue-value-sets.js';

/** The DCC schema version Passage writes. */
export const DCC_SCHEMA_VERSION = '1.3.0';

/** An EU DCC vaccination payload (hcert v1), as it sits under claim −260/1. */
export interface DccVaccinationPayload {
  ver: string;
  nam: { fn?: string; fnt?: string; gn?: string; gnt?: string };
  dob: string;
  v: [DccVaccinationEntry];
}

/** One entry of the DCC vaccination group. */
export interface DccVaccinationEntry {
  tg: string;
  vp: string;
  mp: string;
  ma: string;
  dn: number;
  sd: number;
  dt: string;
  co: string;
  is: string;
  ci: string;
}

/**
 * A UVCI (EU guidelines, annex 2, opaque form): `URN:UVCI:01:<country>:<id>`, the id being the record's
 * certificate id upper-cased with every character outside A–Z and 0–9 turned into `/`.
 */
export function uvciFor(country2: string, hcid: string): string {
  const id = hcid
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '/')
    .replace(/^\/+|\/+$/g, '');
  const uvci = `URN:UVCI:01:${country2}:${id}`;
  if (id === '' || uvci.length > 80) {
    throw new FormatIssueError('VALUE_NOT_MAPPED', 'the certificate id does not fit a UVCI', {
      field: 'certificate.hcid',
    });
  }
  return uvci;
}

/** The dose a DCC carries: one entry only, so the latest dose given (by date, then dose number). */
function latest(vaccinations: readonly RecordVaccination[]): [RecordVaccination, number] {
  let index = 0;
  vaccinations.forEach((v, i) => {
    const best = vaccinations[index];
    if (best && (v.date > best.date || (v.date === best.date && v.dose > best.dose))) index = i;
  });
  const chosen = vaccinations[index];
  if (!chosen)
    throw new FormatIssueError('VALUE_MISSING', 'the record has no vaccination', { field: 'vaccinations' });
  return [chosen, index];
}

/**
 * Maps a canonical vaccination record into an EU DCC vaccination payload, code by code through the EU
 * value sets. The DCC holds one dose: the latest. Throws VALUE_NOT_MAPPED for a code with no EU
 * equivalent and VALUE_MISSING for a field the DCC requires (the series' total doses).
 *
 * @param issuer the certificate issuer's name (`v[0].is`), when the record names none
 */
export function dccPayloadFromRecord(record: VaccinationRecord, issuer?: string): DccVaccinationPayload {
  const [v, i] = latest(record.vaccinations);
  const at = (member: string) => `vaccinations[${i}].${member}`;
  const { given, family } = splitName(record.name);
  const country = alpha2Of(record.certificate.issuer.identifier, 'certificate.issuer');
  const product = dccProduct(v.brand, at('brand'));
  const holder = v.maholder ?? v.manufacturer;
  if (holder === undefined) {
    throw new FormatIssueError('VALUE_MISSING', 'the DCC needs a marketing authorisation holder', {
      field: at('maholder'),
    });
  }
  if (v.totalDoses === undefined) {
    throw new FormatIssueError('VALUE_MISSING', 'the DCC needs the total doses of the series', {
      field: at('totalDoses'),
    });
  }
  const is = record.certificate.issuer.name ?? issuer;
  if (is === undefined)
    throw new FormatIssueError('VALUE_MISSING', 'the DCC names its issuer', { field: 'issuer' });
  return {
    ver: DCC_SCHEMA_VERSION,
    nam: {
      fn: family.slice(0, 80),
      fnt: icaoTransliterate(family, 'name'),
      ...(given === undefined ? {} : { gn: given.slice(0, 80), gnt: icaoTransliterate(given, 'name') }),
    },
    dob: record.birthDate ?? '',
    v: [
      {
        tg: dccDisease(v.disease, at('disease')),
        vp: dccProphylaxis(v.vaccine, at('vaccine')),
        mp: product.mp,
        ma: dccHolder(holder, at(v.maholder === undefined ? 'manufacturer' : 'maholder')),
        dn: v.dose,
        sd: v.totalDoses,
        dt: v.date.slice(0, 10),
        co: alpha2Of(v.country.code, at('country')),
        is: is.slice(0, 80),
        ci: uvciFor(country, record.certificate.hcid.value),
      },
    ],
  };
}
