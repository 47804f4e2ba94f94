// The building blocks of the compiled subject checks: each answers true only for a value its zod
// counterpart accepts and answers unchanged (no trimming, no copying that drops a key). Anything else
// is left to zod, so these may be stricter than zod but never looser.
import { isIsoAlpha3 } from '../countries.js';
import { isoDateTimeSchema, isRealDate } from '../dates.js';

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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `isoDateSchema`: `YYYY-MM-DD` that exists. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && isRealDate(value);
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
