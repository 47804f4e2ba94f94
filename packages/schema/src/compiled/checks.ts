// The building blocks of the compiled subject checks: each answers true only for a value its zod
// counterpart accepts and answers unchanged (no trimming, no copying that drops a key). Anything else
// is left to zod, so these may be stricter than zod but never looser.
import { isIsoAlpha3 } from '../countries.js';
import { isoDateTimeSchema } from '../dates.js';

/** A plain JSON object (what `JSON.parse` builds), as a record to read fields from. */
export type Fields = Record<string, unknown>;

/** True for an object `JSON.parse` could have built: not null, not an array, plain prototype. */
export function isPlainObject(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * True when every own key of `value` is in `known` and none holds `undefined` (zod's answer for a
 * present-but-undefined optional key is left to zod). The strict objects' "no unknown keys".
 */
export function onlyKnownKeys(value: Fields, known: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key) || !known.has(key) || value[key] === undefined) return false;
  }
  return true;
}

/** `z.string().min(min).max(max)`. */
export function isString(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** `z.string().trim().min(min).max(max)` answering the value unchanged: already trimmed. */
export function isTrimmedString(value: unknown, min: number, max: number): value is string {
  return isString(value, min, max) && value.trim() === value;
}

/** `z.int().min(min).max(max)`. */
export function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

const ZERO = 48;

/** The number the ASCII digits of `text` from `start` to `end` spell, or -1 when one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `isoDateSchema`: `YYYY-MM-DD` that exists, read digit by digit (a regex and a `Date` cost ~20 times
 * more). Years before 100 are refused as `isRealDate` refuses them (`Date.UTC` reads them as 19xx).
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

const ALPHA3 = /^[A-Z]{3}$/;
// At most 26³ keys: the answers of i18n-iso-countries, kept.
const alpha3Known = new Map<string, boolean>();

/** `alpha3Schema`: an assigned ISO 3166-1 alpha-3 code. */
export function isAlpha3(value: unknown): value is string {
  if (typeof value !== 'string' || !ALPHA3.test(value)) return false;
  let known = alpha3Known.get(value);
  if (known === undefined) {
    known = isIsoAlpha3(value);
    alpha3Known.set(value, known);
  }
  return known;
}

const DID = /^did:[a-z0-9]+:[A-Za-z0-9._:%-]+(#[A-Za-z0-9._:%-]+)?$/;

/** `didSchema`. */
export function isDid(value: unknown): value is string {
  return isString(value, 0, 2048) && DID.test(value);
}

/** `z.array(item).min(min).max(max)`, each item checked. */
export function isArrayOf<T>(
  value: unknown,
  min: number,
  max: number,
  item: ((v: unknown) => v is T) | ((v: unknown) => boolean),
): value is T[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value) || !item(value[i])) return false;
  return true;
}

/** True when `value` is absent (`undefined`) or passes `check`: zod's `.optional()`. */
export function optional<T>(value: unknown, check: (v: unknown) => v is T): value is T | undefined {
  return value === undefined || check(value);
}

// zod's own pattern for `z.iso.datetime({ offset: true })`, taken from the schema so the two agree.
const ISO_DATE_TIME = isoDateTimeSchema._zod.def.pattern;

/** `isoDateTimeSchema`: a date-time with `Z` or an offset. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  return ISO_DATE_TIME ? ISO_DATE_TIME.test(value) : isoDateTimeSchema.safeParse(value).success;
}
