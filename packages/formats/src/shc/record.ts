import { DDCC_VERSION, type RecordVaccination, type VaccinationRecord } from '@passage/schema';
import { isoString } from '../internal/iso-date.js';
import { encodeBase64url } from './base64url.js';
import type { ShcClaims } from './claims.js';
import { type Immunization, readImmunization, readPatient } from './fhir.js';
import { vaccineCodings } from './vaccine-codes.js';

/** FHIR's code for a value the source does not state (SHC cards carry no country of vaccination). */
export const UNKNOWN_COUNTRY = {
  system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  code: 'unknown',
} as const;

/** The outcome of mapping a card's bundle: a record, none (no immunizations), or a malformed resource. */
export type ShcRecordOutcome =
  | { ok: true; record: VaccinationRecord | undefined }
  | { ok: false; message: string };

const SKIPPED_STATUSES = new Set(['entered-in-error', 'not-done']);

function isoDate(seconds: number | undefined): string | undefined {
  const ms = (seconds ?? Number.NaN) * 1000;
  // Beyond ±8.64e15 ms (or NaN) a Date is invalid: no date rather than a throw.
  return Math.abs(ms) <= 8.64e15 ? isoString(ms) : undefined;
}

// Plain assignments rather than conditional spreads: this runs for every dose of every verification.
function vaccinationOf(imm: Immunization, position: number): RecordVaccination | undefined {
  const codings = vaccineCodings(imm.coding);
  if (!codings) return undefined;
  const vaccination: RecordVaccination = {
    vaccine: codings.vaccine,
    brand: codings.brand,
    date: imm.date,
    // SHC bundles rarely state the dose number; the n-th completed dose by date is dose n.
    dose: imm.dose ?? position,
    country: { system: UNKNOWN_COUNTRY.system, code: UNKNOWN_COUNTRY.code },
  };
  if (imm.manufacturer !== undefined) vaccination.manufacturer = imm.manufacturer;
  if (imm.lot !== undefined) vaccination.lot = imm.lot;
  if (imm.totalDoses !== undefined) vaccination.totalDoses = imm.totalDoses;
  if (imm.centre !== undefined) vaccination.centre = imm.centre;
  return vaccination;
}

/**
 * Stable sort by date. A card holds a handful of doses, for which an insertion sort costs less than
 * Array#sort; a long list (a hostile card may hold a thousand) goes to Array#sort.
 */
function sortByDate(immunizations: Immunization[]): void {
  if (immunizations.length > 16) {
    immunizations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return;
  }
  for (let i = 1; i < immunizations.length; i++) {
    const current = immunizations[i] as Immunization;
    let j = i - 1;
    for (; j >= 0 && (immunizations[j] as Immunization).date > current.date; j--)
      immunizations[j + 1] = immunizations[j] as Immunization;
    immunizations[j + 1] = current;
  }
}

/**
 * Maps a card's FHIR bundle into the canonical (DDCC:VS) record: Patient name and birthDate, and each
 * completed Immunization (vaccineCode → ICD-11 where WHO maps it, occurrenceDateTime, lotNumber,
 * manufacturer, performer → centre, protocolApplied → dose). A card without immunizations (a lab
 * result, a patient summary) has no record. The certificate id (`hcid`) is the JWT `jti` when present,
 * else the first 16 bytes of the (randomised, per-card) ECDSA signature, since SHC defines no certificate
 * identifier.
 */
export function shcRecord(
  claims: ShcClaims,
  signature: Uint8Array,
  kid: string | undefined,
): ShcRecordOutcome {
  const immunizations: Immunization[] = [];
  let found: Record<string, unknown> | undefined;
  for (const { resource } of claims.vc.credentialSubject.fhirBundle.entry) {
    if (resource.resourceType === 'Patient') found ??= resource;
    if (resource.resourceType !== 'Immunization') continue;
    const imm = readImmunization(resource);
    if (!imm) return { ok: false, message: 'an Immunization lacks its vaccine code or date' };
    if (!SKIPPED_STATUSES.has(imm.status)) immunizations.push(imm);
  }
  if (immunizations.length === 0) return { ok: true, record: undefined };
  const patient = found === undefined ? undefined : readPatient(found);
  if (!patient) return { ok: false, message: 'the card has no Patient with a name' };
  if (immunizations.length > 1) sortByDate(immunizations);
  const vaccinations: RecordVaccination[] = [];
  for (let i = 0; i < immunizations.length; i++) {
    const vaccination = vaccinationOf(immunizations[i] as Immunization, i + 1);
    if (vaccination === undefined) return { ok: false, message: 'an Immunization has no code' };
    vaccinations.push(vaccination);
  }
  const period: { start?: string; end?: string } = {};
  const start = isoDate(claims.nbf);
  if (start !== undefined) period.start = start;
  const end = isoDate(claims.exp);
  if (end !== undefined) period.end = end;
  const hcid = { value: claims.jti ?? encodeBase64url(signature, Math.min(16, signature.length)) };
  const issuer = { identifier: claims.iss };
  const certificate =
    kid === undefined
      ? { issuer, hcid, version: DDCC_VERSION, period }
      : { issuer, hcid, kid, version: DDCC_VERSION, period };
  const { name, birthDate } = patient;
  const record: VaccinationRecord =
    birthDate === undefined
      ? { name, certificate, vaccinations }
      : { name, birthDate, certificate, vaccinations };
  return { ok: true, record };
}
