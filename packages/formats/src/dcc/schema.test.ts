import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dccVaccinationRecord } from './record.js';
import { dccSchemaError } from './schema.js';

// The schema repository's own valid and invalid payloads and its examples (ehn-dcc-schema 1.3.3).
const ROOT = fileURLToPath(new URL('../../../../test/vectors/dcc-schema/', import.meta.url));

function payloads(folder: string): [string, Record<string, unknown>][] {
  const dir = join(ROOT, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [`${folder}/${file}`, JSON.parse(readFileSync(join(dir, file), 'utf8'))]);
}

describe('EU DCC schema 1.3.3', () => {
  const valid = ['test/valid', 'examples/vaccination', 'examples/test', 'examples/recovery'].flatMap(
    payloads,
  );

  for (const [name, payload] of valid) {
    it(`accepts ${name}`, () => {
      expect(dccSchemaError(payload)).toBeUndefined();
    });
  }

  for (const [name, payload] of payloads('test/invalid')) {
    it(`refuses ${name}`, () => {
      expect(dccSchemaError(payload)).toBeDefined();
    });
  }

  it('maps every vaccination example into a record', () => {
    for (const [, payload] of payloads('examples/vaccination')) {
      const record = dccVaccinationRecord(payload, { country: 'NL', kid: '', exp: 1700000000 });
      expect(record?.vaccinations).toHaveLength(1);
    }
  });

  it('takes format as the annotation draft 2020-12 makes it, and patterns as assertions', () => {
    const [, payload] = valid.find(([name]) => name === 'test/valid/V-min-data.json') ?? ['', {}];
    const v = (payload.v as Record<string, unknown>[])[0];
    expect(dccSchemaError({ ...payload, v: [{ ...v, dt: '2021-05-29T00:00:00' }] })).toBeUndefined();
    expect(dccSchemaError({ ...payload, dob: '1964-08-12T00:00:00' })).toBe('/dob (pattern)');
  });
});
