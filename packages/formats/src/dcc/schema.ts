import type { ValidateFunction } from 'ajv/dist/2020.js';
import { validate as generated } from './schema-validator.generated.js';

// The EU DCC JSON schema 1.3.3, compiled ahead of time (scripts/generate-dcc-validator.ts, options and
// reasons in schema-source.ts): no verifier compiles it at run time, so a page under a
// Content-Security-Policy without 'unsafe-eval' can check DCCs, and ajv stays out of browser bundles.
const validate = generated as unknown as ValidateFunction;

/**
 * Validates a DCC payload against the EU DCC JSON schema 1.3.3. Returns the JSON pointer of the
 * first failure, or `undefined` when valid; the pointer names a field, never a value.
 */
export function dccSchemaError(hcert: unknown): string | undefined {
  if (validate(hcert)) return undefined;
  const first = validate.errors?.[0];
  return first === undefined ? '/' : `${first.instancePath || '/'} (${first.keyword})`;
}
