import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The largest NumericDate (seconds, as JWT and CWT write instants) that names one: ECMAScript's 8.64e15 ms. */
export const MAX_NUMERIC_DATE = 8.64e12;

/**
 * True for a number of seconds that names an instant a `Date` can hold: beyond ±8.64e12 s, or NaN,
 * `toISOString` throws, so such a claim is no date at all.
 */
export function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Math.abs(value) <= MAX_NUMERIC_DATE;
}

/** True when `value` is a calendar date that exists (`2024-02-29` yes, `2023-02-29` no). */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 calendar date, `YYYY-MM-DD`, that exists. */
export const isoDateSchema = z
  .string()
  .regex(DATE, 'must be a date as YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');

/** An ISO 8601 date-time with a time zone (`2025-01-01T10:00:00Z`). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** The instant a date or date-time names; a bare date means its start in UTC. */
export function instantOf(value: string): number {
  return DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
}

/** The UTC calendar date (`YYYY-MM-DD`) of an instant. */
export function dateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** `date` moved by whole calendar years in UTC; 29 February lands on 28 February when needed. */
export function addYears(date: Date, years: number): Date {
  const moved = new Date(date.getTime());
  moved.setUTCFullYear(date.getUTCFullYear() + years);
  if (moved.getUTCDate() !== date.getUTCDate()) moved.setUTCDate(0);
  return moved;
}

/** `date` moved by whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
