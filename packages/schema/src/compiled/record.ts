// vaccinationRecordSchema (../record.ts) as plain code, for the entry rules' hot path. zod stays the
// definition: record.test.ts checks, on mutated records, that this answers true exactly when zod
// accepts the record and answers it unchanged (zod's plain objects drop unknown keys: such a record
// is left to zod).
import type { VaccinationRecord } from '../record.js';
import { isArrayOf, isIntIn, isPlainObject, onlyKnownKeys, optional } from './checks.js';
import { isCoding } from './vaccination.js';

const IDENTIFIER_KEYS = new Set(['system', 'type', 'value']);
const ISSUER_KEYS = new Set(['identifier', 'name']);
const HCID_KEYS = new Set(['value']);
const PERIOD_KEYS = new Set(['start', 'end']);
const CERTIFICATE_KEYS = new Set(['issuer', 'hcid', 'kid', 'version', 'period']);
const SEXES = new Set(['male', 'female', 'other', 'unknown']);
const VACCINATION_KEYS = new Set([
  'vaccine',
  'brand',
  'manufacturer',
  'maholder',
  'lot',
  'date',
  'validFrom',
  'dose',
  'totalDoses',
  'country',
  'centre',
  'disease',
  'nextDose',
]);
const RECORD_KEYS = new Set(['name', 'birthDate', 'identifier', 'sex', 'certificate', 'vaccinations']);

const isText = (value: unknown): value is string => typeof value === 'string';
const isPositive = (value: unknown): value is number => isIntIn(value, 1, Number.MAX_SAFE_INTEGER);

const isOptionalCoding = (value: unknown) => value === undefined || isCoding(value);

function isVaccination(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, VACCINATION_KEYS) &&
    isCoding(value.vaccine) &&
    isCoding(value.brand) &&
    isOptionalCoding(value.manufacturer) &&
    isOptionalCoding(value.maholder) &&
    optional(value.lot, isText) &&
    isText(value.date) &&
    optional(value.validFrom, isText) &&
    isPositive(value.dose) &&
    optional(value.totalDoses, isPositive) &&
    isCoding(value.country) &&
    optional(value.centre, isText) &&
    isOptionalCoding(value.disease) &&
    optional(value.nextDose, isText)
  );
}

function isCertificate(value: unknown): boolean {
  if (!isPlainObject(value) || !onlyKnownKeys(value, CERTIFICATE_KEYS)) return false;
  const { issuer, hcid, period } = value;
  return (
    isPlainObject(issuer) &&
    onlyKnownKeys(issuer, ISSUER_KEYS) &&
    isText(issuer.identifier) &&
    optional(issuer.name, isText) &&
    isPlainObject(hcid) &&
    onlyKnownKeys(hcid, HCID_KEYS) &&
    isText(hcid.value) &&
    optional(value.kid, isText) &&
    isText(value.version) &&
    (period === undefined ||
      (isPlainObject(period) &&
        onlyKnownKeys(period, PERIOD_KEYS) &&
        optional(period.start, isText) &&
        optional(period.end, isText)))
  );
}

function isIdentifier(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, IDENTIFIER_KEYS) &&
    optional(value.system, isText) &&
    optional(value.type, isText) &&
    isText(value.value)
  );
}

/**
 * True when `vaccinationRecordSchema` accepts `value` and answers it unchanged, so the value can be
 * used as parsed. False means "let zod decide", never "invalid".
 */
export function isVaccinationRecordAsIs(value: unknown): value is VaccinationRecord {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, RECORD_KEYS) &&
    isText(value.name) &&
    optional(value.birthDate, isText) &&
    (value.identifier === undefined || isIdentifier(value.identifier)) &&
    (value.sex === undefined || (typeof value.sex === 'string' && SEXES.has(value.sex))) &&
    isCertificate(value.certificate) &&
    isArrayOf(value.vaccinations, 1, Number.POSITIVE_INFINITY, isVaccination)
  );
}
