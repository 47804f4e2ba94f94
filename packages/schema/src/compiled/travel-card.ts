// travelCardSubjectSchema (../travel-card.ts) as plain code, for the verifier's hot path. zod stays
// the definition: travel-card.test.ts checks, on mutated subjects, that this answers true exactly when
// zod accepts the subject and answers it unchanged.
import { addYears } from '../dates.js';
import { APEC_ECONOMIES } from '../economies.js';
import type { TravelCardSubject } from '../travel-card.js';
import {
  type Fields,
  isAlpha3,
  isArrayOf,
  isDid,
  isIntIn,
  isIsoDate,
  isPlainObject,
  isTrimmedString,
  onlyKnownKeys,
  optional,
} from './checks.js';

const APEC = new Set<string>(APEC_ECONOMIES.map((e) => e.alpha3));
const STATUSES = new Set(['granted', 'pending', 'refused', 'withdrawn']);
const SEXES = new Set(['M', 'F', 'X']);
const PASSPORT_KEYS = new Set(['number', 'expiry']);
const HOLDER_KEYS = new Set([
  'familyName',
  'givenNames',
  'birthDate',
  'sex',
  'nationality',
  'passport',
  'photoDigest',
]);
const PRE_CLEARANCE_KEYS = new Set(['economy', 'status', 'maxStayDays']);
const VALIDITY_KEYS = new Set(['from', 'until']);
const SUBJECT_KEYS = new Set(['id', 'holder', 'cardNumber', 'issuingEconomy', 'validity', 'preClearances']);
const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;
const PHOTO_DIGEST = /^sha256-[A-Za-z0-9+/_-]{43}=?$/;
const CARD_NUMBER = /^[A-Z0-9-]{4,32}$/;

const isApec = (value: unknown): value is string => typeof value === 'string' && APEC.has(value);
const matches = (value: unknown, pattern: RegExp): value is string =>
  typeof value === 'string' && pattern.test(value);

/** `travelCardHolderSchema`, as is: the names already trimmed. */
export function isHolder(value: unknown): value is Fields & { passport: { expiry: string } } {
  if (!isPlainObject(value) || !onlyKnownKeys(value, HOLDER_KEYS)) return false;
  const { passport } = value;
  return (
    isTrimmedString(value.familyName, 1, 100) &&
    isTrimmedString(value.givenNames, 1, 100) &&
    isIsoDate(value.birthDate) &&
    typeof value.sex === 'string' &&
    SEXES.has(value.sex) &&
    isAlpha3(value.nationality) &&
    isPlainObject(passport) &&
    onlyKnownKeys(passport, PASSPORT_KEYS) &&
    matches(passport.number, PASSPORT_NUMBER) &&
    isIsoDate(passport.expiry) &&
    optional(value.photoDigest, (v): v is string => matches(v, PHOTO_DIGEST))
  );
}

function isValidity(value: unknown): value is { from: string; until: string } {
  if (!isPlainObject(value) || !onlyKnownKeys(value, VALIDITY_KEYS)) return false;
  const { from, until } = value;
  return (
    isIsoDate(from) &&
    isIsoDate(until) &&
    until > from &&
    until <=
      addYears(new Date(`${from}T00:00:00Z`), 5)
        .toISOString()
        .slice(0, 10)
  );
}

/** `preClearanceSchema` with its refinement. */
export function isPreClearance(value: unknown): value is Fields & { economy: string } {
  return (
    isPlainObject(value) &&
    onlyKnownKeys(value, PRE_CLEARANCE_KEYS) &&
    isApec(value.economy) &&
    typeof value.status === 'string' &&
    STATUSES.has(value.status) &&
    (value.maxStayDays === undefined || isIntIn(value.maxStayDays, 1, 365)) &&
    (value.status !== 'granted' || value.maxStayDays !== undefined)
  );
}

/**
 * True when `travelCardSubjectSchema` accepts `value` and answers it unchanged, so the value can be
 * used as parsed. False means "let zod decide", never "invalid".
 */
export function isTravelCardSubjectAsIs(value: unknown): value is TravelCardSubject {
  if (!isPlainObject(value) || !onlyKnownKeys(value, SUBJECT_KEYS)) return false;
  const { holder, validity, preClearances, issuingEconomy } = value;
  if (
    !optional(value.id, isDid) ||
    !isHolder(holder) ||
    !matches(value.cardNumber, CARD_NUMBER) ||
    !isApec(issuingEconomy) ||
    !isValidity(validity) ||
    !isArrayOf(preClearances, 1, 21, isPreClearance)
  ) {
    return false;
  }
  const economies = new Set(preClearances.map((p) => p.economy));
  return (
    economies.size === preClearances.length &&
    validity.until <= holder.passport.expiry &&
    !economies.has(issuingEconomy)
  );
}
