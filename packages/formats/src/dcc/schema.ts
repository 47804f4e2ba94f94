import { Ajv2020 } from 'ajv/dist/2020.js';
import coreTypes from './schema/DCC.Core.Types.schema.json' with { type: 'json' };
import dccSchema from './schema/DCC.schema.json' with { type: 'json' };
import types from './schema/DCC.Types.schema.json' with { type: 'json' };
import valueSets from './schema/DCC.ValueSets.schema.json' with { type: 'json' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// RFC 3339 date-time; DCCs in the field carry offsets (`+02:00`), `Z` and fractional seconds.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

// Compiled once at module load: a verifier validates thousands of payloads with the one function.
// Value sets stay open (the schema lists them as plain strings); strict mode off for the
// `examples`/`valueset-uri` annotations the schema carries.
const ajv = new Ajv2020({
  strict: false,
  allErrors: false,
  formats: {
    date: (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(value)),
    'date-time': (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
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
