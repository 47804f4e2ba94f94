// vaccinationSubjectSchema (../vaccination.ts) as plain code, for the verifier's hot path. zod stays
// the definition: vaccination.test.ts checks, on mutated subjects, that this answers true exactly when
// zod accepts the subject and answers it unchanged.
import type { VaccinationSubject } from '../vaccination.js';
import {
  type Fields,
  isAlpha3,
  isArrayOf,
  isDid,
  isIntIn,
  isIsoDate,
  isIsoDateTime,
  isPlainObject,
  isString,
  isTrimmedString,
  onlyKnownKeys,
  optional,
} from './checks.js';

const CODING_KEYS = new Set(['system', 'code', 'display']);
const IDENTIFIER_KEYS = new Set(['type', 'system', 'value']);
const IDENTIFIER_TYPES = new Set(['passport', 'national-id', 'health-id', 'other']);
const SEXES = new Set(['male', 'female', 'other', 'unknown']);
const PERSON_KEYS = new Set(['name', 'birthDate', 'identifier', 'sex']);
const EVENT_KEYS = new Set([
  'vaccine',
  'brand',
  'manufacturer',
  'maholder',
  'lot',
  'date',
  'dose',
  'totalDoses',
  'country',
  'centre',
  'disease',
  'validFrom',
  'nextDose',
]);
const PERIOD_KEYS = new Set(['start', 'end']);
const CERTIFICATE_KEYS = new Set(['hcid', 'issuer', 'period']);
const SUBJECT_KEYS = new Set(['id', 'person', 'certificate', 'vaccinations']);

const isName = (v: unknown): v is string => isString(v, 1, 200);

/** `codingSchema`: `{system?, code, display?}`. */
export function isCoding(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, CODING_KEYS) &&
    optional(value.system, isName) &&
    isString(value.code, 1, 100) &&
    optional(value.display, isName)
  );
}

/** `codeableSchema`: a code, or a coding. */
export function isCodeable(value: unknown): boolean {
  return typeof value === 'string' ? isString(value, 1, 100) : isCoding(value);
}

function isIdentifier(value: unknown): boolean {
  if (typeof value === 'string') return isString(value, 1, 64);
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, IDENTIFIER_KEYS) &&
    (value.type === undefined || (typeof value.type === 'string' && IDENTIFIER_TYPES.has(value.type))) &&
    optional(value.system, isName) &&
    isString(value.value, 1, 64)
  );
}

/** `personSchema`, as is: the name already trimmed. */
export function isPerson(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, PERSON_KEYS) &&
    isTrimmedString(value.name, 1, 200) &&
    isIsoDate(value.birthDate) &&
    (value.identifier === undefined || isIdentifier(value.identifier)) &&
    (value.sex === undefined || (typeof value.sex === 'string' && SEXES.has(value.sex)))
  );
}

const isOptionalCodeable = (value: unknown) => value === undefined || isCodeable(value);
const isOptionalDate = (value: unknown): value is string | undefined =>
  value === undefined || isIsoDate(value);

/** `vaccinationEventSchema` with its refinements. */
export function isEvent(value: unknown): value is Fields {
  if (!isPlainObject(value) || !onlyKnownKeys(value, EVENT_KEYS)) return false;
  const { date, nextDose, validFrom } = value;
  return (
    isCodeable(value.vaccine) &&
    isCodeable(value.brand) &&
    isOptionalCodeable(value.manufacturer) &&
    isOptionalCodeable(value.maholder) &&
    isString(value.lot, 1, 60) &&
    isIsoDate(date) &&
    isIntIn(value.dose, 1, 20) &&
    (value.totalDoses === undefined || isIntIn(value.totalDoses, 1, 20)) &&
    isAlpha3(value.country) &&
    optional(value.centre, isName) &&
    isOptionalCodeable(value.disease) &&
    isOptionalDate(validFrom) &&
    isOptionalDate(nextDose) &&
    // the schema's refinements
    (value.manufacturer !== undefined || value.maholder !== undefined) &&
    (nextDose === undefined || nextDose > date) &&
    (validFrom === undefined || validFrom >= date)
  );
}

const isOptionalDateTime = (value: unknown): value is string | undefined =>
  value === undefined || isIsoDateTime(value);

/** `periodSchema` with its refinement. */
export function isPeriod(value: unknown): boolean {
  if (!isPlainObject(value) || !onlyKnownKeys(value, PERIOD_KEYS)) return false;
  const { start, end } = value;
  return (
    isOptionalDateTime(start) &&
    isOptionalDateTime(end) &&
    (start === undefined || end === undefined || Date.parse(start) < Date.parse(end))
  );
}

function isCertificate(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, CERTIFICATE_KEYS) &&
    isString(value.hcid, 1, 100) &&
    isAlpha3(value.issuer) &&
    (value.period === undefined || isPeriod(value.period))
  );
}

/**
 * True when `vaccinationSubjectSchema` accepts `value` and answers it unchanged, so the value can be
 * used as parsed. False means "let zod decide" (it may still accept, e.g. a name with spaces around it,
 * which zod trims), never "invalid".
 */
export function isVaccinationSubjectAsIs(value: unknown): value is VaccinationSubject {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, SUBJECT_KEYS) &&
    optional(value.id, isDid) &&
    isPerson(value.person) &&
    isCertificate(value.certificate) &&
    isArrayOf(value.vaccinations, 1, 20, isEvent)
  );
}
