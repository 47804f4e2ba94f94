import { Ajv2020 } from 'ajv/dist/2020.js';
import coreTypes from './schema/DCC.Core.Types.schema.json' with { type: 'json' };
import dccSchema from './schema/DCC.schema.json' with { type: 'json' };
import types from './schema/DCC.Types.schema.json' with { type: 'json' };
import valueSets from './schema/DCC.ValueSets.schema.json' with { type: 'json' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// ISO 8601 date-time as the schema's own tests use it; DCCs carry offsets (`+02:00`, `+0200`, `+02`), `Z` and fractional seconds.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** A real calendar date (no 30 February), which `Date.parse` alone does not ensure. */
function isCalendarDate(value: string): boolean {
  if (value.length !== 10) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

// Compiled once at module load: a verifier validates thousands of payloads with the one function.
// Value sets stay open (the schema lists them as plain strings); strict mode off for the
// `examples`/`valueset-uri` annotations the schema carries.
const ajv = new Ajv2020({
  strict: false,
  allErrors: false,
  formats: {
    date: (value: string) => DATE.test(value) && isCalendarDate(value),
    'date-time': (value: string) => isCalendarDate(DATE_TIME.exec(value)?.[1] ?? ''),
  },
  schemas: [coreTypes, types, valueSets],
});
const validate = ajv.compile(dccSchema);

/**
 * Validates a DCC payload against the EU DCC JSON schema 1.3.3. Returns the JSON pointer of the
 * first failure, or `undefined` when valid; the pointer names a field, never a value.
 */
export function dccSchemaError(hcert: unknown): string | undefined {
  if (validate(hcert)) return undefined;
  const first = validate.errors?.[0];
  return first === undefined ? '/' : `${first.instancePath || '/'} (${first.keyword})`;
}
