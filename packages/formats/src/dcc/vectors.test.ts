import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerificationReport } from '@passage/credentials';
import { describe, expect, it } from 'vitest';
import { createDccTrust, dccKidOf } from './trust.js';
import { verifyDcc } from './verify.js';

// The EU's dgc-testdata (common cases plus AT and DE), kept beside the repository in shared/vectors.
const ROOT = fileURLToPath(new URL('../../../../../shared/vectors/dcc/', import.meta.url));

interface TestCase {
  PREFIX?: string;
  TESTCTX: { CERTIFICATE?: string; VALIDATIONCLOCK?: string; DESCRIPTION?: string };
  EXPECTEDRESULTS: Record<string, unknown>;
}

function casesIn(folder: string): [string, TestCase][] {
  const dir = join(ROOT, folder, '2DCode', 'raw');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [`${folder}/${file}`, JSON.parse(readFileSync(join(dir, file), 'utf8')) as TestCase]);
}

/** The upstream flags, with typos such as EXPTECTEDEXPIRED folded to one spelling. */
function flagsOf(testCase: TestCase): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const [key, value] of Object.entries(testCase.EXPECTEDRESULTS)) {
    if (typeof value === 'boolean') flags.set(key.replace(/^EXP[A-Z]*?ECTED/, 'EXPECTED'), value);
  }
  // The picture flag is about decoding the PNG, which a text verifier never reads.
  flags.delete('EXPECTEDPICTUREDECODE');
  return flags;
}

/** VALIDATIONCLOCK is ISO 8601; some files omit the zone, which means UTC. */
function clockOf(testCase: TestCase): Date {
  const clock = testCase.TESTCTX.VALIDATIONCLOCK ?? '';
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(clock) ? clock : `${clock}Z`;
  return new Date(zoned);
}

function verifyCase(testCase: TestCase): VerificationReport {
  const certificate = testCase.TESTCTX.CERTIFICATE;
  const entries =
    certificate === undefined
      ? []
      : [{ framework: 'dcc', country: 'XX', kid: dccKidOf(Buffer.from(certificate, 'base64')), certificate }];
  const { trust } = createDccTrust(entries);
  return verifyDcc(testCase.PREFIX ?? '', { trust, now: clockOf(testCase), clockToleranceSec: 0 });
}

/** What each failed flag means for the report, when the flag says that step fails. */
const ON_FAILURE: Record<string, (report: VerificationReport) => void> = {
  EXPECTEDUNPREFIX: (r) => expect(r.checks.decoding).toEqual({ ok: false, code: 'INVALID_PREFIX' }),
  EXPECTEDB45DECODE: (r) => expect(r.checks.decoding).toEqual({ ok: false, code: 'INVALID_BASE45' }),
  EXPECTEDCOMPRESSION: (r) => expect(r.checks.decoding).toEqual({ ok: false, code: 'INVALID_COMPRESSION' }),
  EXPECTEDDECODE: (r) => expect(r.checks.decoding.ok && r.checks.schema.ok).toBe(false),
  EXPECTEDVERIFY: (r) => expect(r.checks.signature.ok).toBe(false),
  EXPECTEDKEYUSAGE: (r) => expect(r.checks.issuerTrusted).toEqual({ ok: false, code: 'KEY_USAGE_MISMATCH' }),
  EXPECTEDEXPIRATIONCHECK: (r) => expect(r.checks.validity.ok).toBe(false),
  EXPECTEDSCHEMAVALIDATION: (r) => expect(r.checks.schema).toEqual({ ok: false, code: 'SCHEMA_INVALID' }),
};

describe.skipIf(!existsSync(ROOT))('EU DCC test vectors (shared/vectors/dcc)', () => {
  if (!existsSync(ROOT)) return;
  const cases = ['common', 'AT', 'DE'].flatMap(casesIn);

  it('finds the vectors', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  for (const [name, testCase] of cases) {
    const flags = flagsOf(testCase);
    if (flags.size === 0 || testCase.PREFIX === undefined) continue;
    const expected = [...flags.values()].every(Boolean);
    it(`${name} ${expected ? 'verifies' : 'fails'}: ${testCase.TESTCTX.DESCRIPTION ?? ''}`, () => {
      const report = verifyCase(testCase);
      expect(report.format).toBe('dcc');
      expect(report.verified, JSON.stringify(report.errors)).toBe(expected);
      for (const [flag, value] of flags) if (!value) ON_FAILURE[flag]?.(report);
    });
  }
});
