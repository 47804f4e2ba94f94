import { DDCC_VERSION, type RecordVaccination, type VaccinationRecord } from '@passage/schema';
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
  const date = new Date((seconds ?? Number.NaN) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
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
  const resources = claims.vc.credentialSubject.fhirBundle.entry.map((e) => e.resource);
  const immunizations: Immunization[] = [];
  for (const resource of resources) {
    if (resource.resourceType !== 'Immunization') continue;
    const imm = readImmunization(resource);
    if (!imm) return { ok: false, message: 'an Immunization lacks its vaccine code or date' };
    if (!SKIPPED_STATUSES.has(imm.status)) immunizations.push(imm);
  }
  if (immunizations.length === 0) return { ok: true, record: undefined };
  const found = resources.find((r) => r.resourceType === 'Patient');
  const patient = found === undefined ? undefined : readPatient(found);
  if (!patient) return { ok: false, message: 'the card has no Patient with a name' };
  immunizations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const vaccinations = immunizations.map((imm, i) => vaccinationOf(imm, i + 1));
  if (vaccinations.some((v) => v === undefined)) return { ok: false, message: 'an Immunization has no code' };
  const start = isoDate(claims.nbf);
  const end = isoDate(claims.exp);
  const hcid = claims.jti ?? Buffer.from(signature.subarray(0, 16)).toString('base64url');
  return {
    ok: true,
    record: {
      name: patient.name,
      ...(patient.birthDate === undefined ? {} : { birthDate: patient.birthDate }),
      certificate: {
        issuer: { identifier: claims.iss },
        hcid: { value: hcid },
        ...(kid === undefined ? {} : { kid }),
        version: DDCC_VERSION,
        period: { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) },
      },
      vaccinations: vaccinations.filter((v): v is RecordVaccination => v !== undefined),
    },
  };
}
