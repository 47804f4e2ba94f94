import {
  type CredentialType,
  isTravelCardSubjectAsIs,
  isVaccinationRecordAsIs,
  isVaccinationSubjectAsIs,
  type RecordVaccination,
  type TravelCardSubject,
  travelCardSubjectSchema,
  type VaccinationRecord,
  vaccinationRecordFromSubject,
  vaccinationRecordSchema,
  vaccinationSubjectSchema,
} from '@passage/schema';
import { surelyFitsJson } from './internal/json-size.js';
import type { ValueSets } from './schema.js';

/** The largest credential data (as JSON characters) a rule is evaluated on. */
export const MAX_DATA_CHARS = 32_768;

/** Conveniences derived from a vaccination record; rules can do without them (see the README of rules). */
export interface VaccinationDerived {
  /** How many vaccination events the record holds. */
  doseCount: number;
  /** The latest vaccination event (by date, then by dose number). */
  lastDose: RecordVaccination;
  /** Its date, `YYYY-MM-DD`. */
  lastDoseDate: string;
}

/** Conveniences derived from a travel card subject. */
export interface TravelCardDerived {
  /** The card's pre-clearance for the verifying economy, `null` when it has none. */
  preClearance: TravelCardSubject['preClearances'][number] | null;
}

/** What the verifier knows beside the credential: CertLogic's `external`. */
export interface ExternalData {
  /** The time of validation, ISO 8601 UTC. */
  validationClock: string;
  /** The traveller's arrival, ISO 8601 UTC date-time. */
  arrivalDate: string;
  /** The verifying economy, ISO 3166-1 alpha-3. */
  economy: string;
  /** The rule set's value sets. */
  valueSets: ValueSets;
}

/**
 * The data context a rule's logic is evaluated on, as the EU DCC business rules lay it out:
 * `payload` is the credential's data (the canonical DDCC:VS record for a vaccination certificate,
 * the credential subject for a travel card), `derived` adds conveniences, `external` the verifier's facts.
 */
export type EvaluationData =
  | { payload: VaccinationRecord; derived: VaccinationDerived; external: ExternalData }
  | { payload: TravelCardSubject; derived: TravelCardDerived; external: ExternalData };

function lastDoseOf(vaccinations: readonly RecordVaccination[]): RecordVaccination {
  return vaccinations.reduce((last, v) =>
    v.date > last.date || (v.date === last.date && v.dose > last.dose) ? v : last,
  );
}

// The compiled checks answer true for data zod takes unchanged (the record the verifier built, as a
// rule); anything else is zod's to parse, so rules always see what zod would have answered.
function vaccinationPayload(data: unknown): VaccinationRecord | undefined {
  if (isVaccinationRecordAsIs(data)) return data;
  const record = vaccinationRecordSchema.safeParse(data);
  if (record.success) return record.data;
  if (isVaccinationSubjectAsIs(data)) return vaccinationRecordFromSubject(data);
  const subject = vaccinationSubjectSchema.safeParse(data);
  return subject.success ? vaccinationRecordFromSubject(subject.data) : undefined;
}

function vaccinationData(data: unknown, external: ExternalData): EvaluationData | undefined {
  const payload = vaccinationPayload(data);
  if (payload === undefined) return undefined;
  const lastDose = lastDoseOf(payload.vaccinations);
  return {
    payload,
    derived: { doseCount: payload.vaccinations.length, lastDose, lastDoseDate: lastDose.date },
    external,
  };
}

function travelCardData(data: unknown, external: ExternalData): EvaluationData | undefined {
  let payload: TravelCardSubject | undefined;
  if (isTravelCardSubjectAsIs(data)) payload = data;
  else {
    const subject = travelCardSubjectSchema.safeParse(data);
    if (!subject.success) return undefined;
    payload = subject.data;
  }
  const preClearance = payload.preClearances.find((p) => p.economy === external.economy) ?? null;
  return { payload, derived: { preClearance }, external };
}

/** Why credential data could not be turned into a rule's data context. */
export type DataProblem = 'DATA_TOO_LARGE' | 'DATA_INVALID';

/**
 * Builds the data a rule sees from a credential's data: a canonical vaccination record (or a Passage
 * vaccination subject, mapped to one) or a travel card subject. Data larger than {@link MAX_DATA_CHARS}
 * or of another shape gives a {@link DataProblem} instead.
 */
export function evaluationData(
  credentialType: CredentialType,
  data: unknown,
  external: ExternalData,
): { ok: true; data: EvaluationData } | { ok: false; code: DataProblem } {
  // The exact measure builds the whole text; a walk bounding it settles ordinary data without that.
  if (!surelyFitsJson(data, MAX_DATA_CHARS)) {
    let size: number;
    try {
      size = JSON.stringify(data)?.length ?? 0;
    } catch {
      return { ok: false, code: 'DATA_INVALID' }; // cycles or BigInt: not JSON data
    }
    if (size > MAX_DATA_CHARS) return { ok: false, code: 'DATA_TOO_LARGE' };
  }
  const built =
    credentialType === 'VaccinationCertificate'
      ? vaccinationData(data, external)
      : travelCardData(data, external);
  return built === undefined ? { ok: false, code: 'DATA_INVALID' } : { ok: true, data: built };
}
