import { createHash } from 'node:crypto';
import { DDCC_VERSION, type RecordVaccination, type VaccinationRecord } from '@passage/schema';
import {
  type Immunization,
  immunizationSchema,
  type Patient,
  patientSchema,
  type ShcClaims,
} from './claims.js';
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

function nameOf(patient: Patient): string {
  const name = patient.name[0];
  if (name?.text) return name.text;
  return [...(name?.given ?? []), name?.family ?? ''].filter((part) => part !== '').join(' ');
}

function isoDate(seconds: number | undefined): string | undefined {
  const date = new Date((seconds ?? Number.NaN) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function vaccinationOf(imm: Immunization, position: number): RecordVaccination | undefined {
  const codings = vaccineCodings(
    imm.vaccineCode.coding.map(({ system, code, display }) => ({
      code,
      ...(system === undefined ? {} : { system }),
      ...(display === undefined ? {} : { display }),
    })),
  );
  if (!codings) return undefined;
  const protocol = imm.protocolApplied?.[0];
  const centre = imm.performer?.find((p) => p.actor.display)?.actor.display;
  const maker = imm.manufacturer?.identifier?.value ?? imm.manufacturer?.display;
  const system = imm.manufacturer?.identifier?.system;
  return {
    ...codings,
    ...(maker === undefined
      ? {}
      : { manufacturer: { code: maker, ...(system === undefined ? {} : { system }) } }),
    ...(imm.lotNumber === undefined ? {} : { lot: imm.lotNumber }),
    date: imm.occurrenceDateTime,
    // SHC bundles rarely state the dose number; the n-th completed dose by date is dose n.
    dose: protocol?.doseNumberPositiveInt ?? position,
    ...(protocol?.seriesDosesPositiveInt === undefined
      ? {}
      : { totalDoses: protocol.seriesDosesPositiveInt }),
    country: { ...UNKNOWN_COUNTRY },
    ...(centre === undefined ? {} : { centre }),
  };
}

/**
 * Maps a card's FHIR bundle into the canonical (DDCC:VS) record: Patient name and birthDate, and each
 * completed Immunization (vaccineCode → ICD-11 where WHO maps it, occurrenceDateTime, lotNumber,
 * performer → centre, protocolApplied → dose). A card without immunizations (a lab result, a patient
 * summary) has no record. The certificate id (`hcid`) is the JWT `jti` when present, else a digest of
 * the JWS, since SHC defines no certificate identifier.
 */
export function shcRecord(claims: ShcClaims, jws: string, kid: string | undefined): ShcRecordOutcome {
  const resources = claims.vc.credentialSubject.fhirBundle.entry.map((e) => e.resource);
  const immunizations: Immunization[] = [];
  for (const resource of resources) {
    if (resource.resourceType !== 'Immunization') continue;
    const parsed = immunizationSchema.safeParse(resource);
    if (!parsed.success) return { ok: false, message: 'an Immunization lacks its vaccine code or date' };
    if (!SKIPPED_STATUSES.has(parsed.data.status ?? 'completed')) immunizations.push(parsed.data);
  }
  if (immunizations.length === 0) return { ok: true, record: undefined };
  const patient = patientSchema.safeParse(resources.find((r) => r.resourceType === 'Patient'));
  if (!patient.success) return { ok: false, message: 'the card has no Patient with a name' };
  immunizations.sort((a, b) => a.occurrenceDateTime.localeCompare(b.occurrenceDateTime));
  const vaccinations = immunizations.map((imm, i) => vaccinationOf(imm, i + 1));
  if (vaccinations.some((v) => v === undefined)) return { ok: false, message: 'an Immunization has no code' };
  const start = isoDate(claims.nbf);
  const end = isoDate(claims.exp);
  const hcid = claims.jti ?? createHash('sha256').update(jws).digest('base64url').slice(0, 22);
  return {
    ok: true,
    record: {
      name: nameOf(patient.data),
      ...(patient.data.birthDate === undefined ? {} : { birthDate: patient.data.birthDate }),
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
