import type { z } from 'zod';
import { IssuerDbError } from './errors.js';

/**
 * Parses a JSON text column through a zod schema: rows are `unknown` until checked, like any other input.
 *
 * @throws IssuerDbError `CORRUPT_ROW` naming the column only (never its content)
 */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string, column: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new IssuerDbError('CORRUPT_ROW', `column ${column} does not hold JSON`, { cause });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new IssuerDbError('CORRUPT_ROW', `column ${column} does not match its schema`);
  }
  return parsed.data;
}
