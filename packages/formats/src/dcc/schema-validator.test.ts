import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mutations } from '../../../schema/src/compiled/mutate.js';
import { decodeDcc } from './decode.js';
import { dccCaseFolders, dccCasesIn } from './fixtures.js';
import { dccSchemaError } from './schema.js';
import { compileDccSchema, dccValidatorSource } from './schema-source.js';

const generatedFile = fileURLToPath(new URL('./schema-validator.generated.ts', import.meta.url));
const schemaVectors = fileURLToPath(new URL('../../../../test/vectors/dcc-schema/', import.meta.url));

/** Every JSON file below a folder of the schema vectors. */
function jsonFiles(dir: string): unknown[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    if (!entry.name.endsWith('.json')) return [];
    try {
      return [JSON.parse(readFileSync(path, 'utf8'))];
    } catch {
      return [];
    }
  });
}

/** The payloads of the EU test cases that decode, and the schema repository's examples and tests. */
function payloads(): unknown[] {
  const fromCases = dccCaseFolders()
    .flatMap((folder) => dccCasesIn(folder))
    .flatMap(([, testCase]) => {
      try {
        return [decodeDcc(testCase.PREFIX ?? '').claims.hcert];
      } catch {
        return [];
      }
    });
  return [
    ...fromCases,
    ...jsonFiles(join(schemaVectors, 'examples')),
    ...jsonFiles(join(schemaVectors, 'test')),
  ];
}

describe('the EU DCC schema, compiled ahead of time', () => {
  it('is the file the generator writes today (run generate:dcc-validator after changing the schema)', () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(dccValidatorSource());
  });

  it('gives the verdict and the first error of the schema compiled at run time', () => {
    const runtime = compileDccSchema();
    const seeds = payloads();
    expect(seeds.length).toBeGreaterThan(50);
    const inputs = [...seeds, ...mutations(seeds as never[], 3_000, 20261126)];
    let invalid = 0;
    for (const [index, payload] of inputs.entries()) {
      const expected = runtime(payload)
        ? undefined
        : `${runtime.errors?.[0]?.instancePath || '/'} (${runtime.errors?.[0]?.keyword})`;
      if (expected !== undefined) invalid++;
      expect([index, dccSchemaError(payload)]).toEqual([index, expected]);
    }
    expect(invalid).toBeGreaterThan(500);
    expect(invalid).toBeLessThan(inputs.length - 50);
  });
});
