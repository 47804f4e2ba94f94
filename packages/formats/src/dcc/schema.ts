import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import coreTypes from './schema/DCC.Core.Types.schema.json' with { type: 'json' };
import dccSchema from './schema/DCC.schema.json' with { type: 'json' };
import types from './schema/DCC.Types.schema.json' with { type: 'json' };
import valueSets from './schema/DCC.ValueSets.schema.json' with { type: 'json' };

// Compiled once, on first use: a verifier validates thousands of payloads with the one function, and
// a page that bundles this module without verifying a DCC (the wallet, under a Content-Security-Policy
// without 'unsafe-eval') never runs ajv's code generation. The schema declares draft 2020-12, where
// `format` is an annotation, not an assertion; the EU test procedure validates the same way, and
// certificates in the field carry date-times in several ISO 8601 spellings. Dates are left to the
// business rules. Strict mode is off for the schema's `valueset-uri` annotations.
let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate === undefined) {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: false,
      validateFormats: false,
      schemas: [coreTypes, types, valueSets],
    });
    validate = ajv.compile(dccSchema);
  }
  return validate;
}

/**
 * Validates a DCC payload against the EU DCC JSON schema 1.3.3. Returns the JSON pointer of the
 * first failure, or `undefined` when valid; the pointer names a field, never a value.
 */
export function dccSchemaError(hcert: unknown): string | undefined {
  const check = validator();
  if (check(hcert)) return undefined;
  const first = check.errors?.[0];
  return first === undefined ? '/' : `${first.instancePath || '/'} (${first.keyword})`;
}
