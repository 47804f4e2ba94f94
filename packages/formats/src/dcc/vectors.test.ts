import type { Check, VerificationReport } from '@passage/credentials';
import { describe, expect, it } from 'vitest';
import { clockOf, type DccTestCase, dccCaseFolders, dccCasesIn, trustFor } from './fixtures.js';
import { verifyDcc } from './verify.js';

/** The upstream flags, with typos such as EXPTECTEDEXPIRED folded to one spelling. */
function flagsOf(testCase: DccTestCase): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  for (const [key, value] of Object.entries(testCase.EXPECTEDRESULTS)) {
    if (typeof value === 'boolean') flags.set(key.replace(/^EXP[A-Z]*?ECTED/, 'EXPECTED'), value);
  }
  // The picture flag is about decoding the PNG, which a text verifier never reads.
  flags.delete('EXPECTEDPICTUREDECODE');
  return flags;
}

function verifyCase(testCase: DccTestCase): VerificationReport {
  return verifyDcc(testCase.PREFIX ?? '', {
    trust: trustFor(testCase),
    now: clockOf(testCase),
    clockToleranceSec: 0,
  });
}

const codeOf = (check: Check) => (check.ok ? 'ok' : check.code);

/** What each failed flag means for the report, when the flag says that step fails. */
const ON_FAILURE: Record<string, (report: VerificationReport) => void> = {
  EXPECTEDUNPREFIX: (r) => expect(codeOf(r.checks.decoding)).toBe('INVALID_PREFIX'),
  EXPECTEDB45DECODE: (r) => expect(codeOf(r.checks.decoding)).toBe('INVALID_BASE45'),
  EXPECTEDCOMPRESSION: (r) => expect(codeOf(r.checks.decoding)).toBe('INVALID_COMPRESSION'),
  EXPECTEDDECODE: (r) => expect(['INVALID_COSE', 'INVALID_CBOR']).toContain(codeOf(r.checks.decoding)),
  // A COSE structure too broken to decode cannot be verified either (CBO2).
  EXPECTEDVERIFY: (r) =>
    expect(['SIGNATURE_INVALID', 'KEY_NOT_FOUND', 'ALGORITHM_NOT_ALLOWED', 'NOT_CHECKED']).toContain(
      codeOf(r.checks.signature),
    ),
  EXPECTEDKEYUSAGE: (r) => expect(codeOf(r.checks.issuerTrusted)).toBe('KEY_USAGE_MISMATCH'),
  EXPECTEDEXPIRATIONCHECK: (r) => expect(['EXPIRED', 'NOT_YET_VALID']).toContain(codeOf(r.checks.validity)),
  EXPECTEDSCHEMAVALIDATION: (r) => expect(codeOf(r.checks.schema)).toBe('SCHEMA_INVALID'),
};

describe('EU DCC test vectors', () => {
  const cases = dccCaseFolders().flatMap(dccCasesIn);

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
      // Upstream JSON and CBOR disagree on values in a few files (a dob typed differently), so only
      // the payload's shape is compared.
      if (flags.get('EXPECTEDVALIDJSON') === true && testCase.JSON !== undefined) {
        expect(Object.keys(report.native ?? {}).sort()).toEqual(Object.keys(testCase.JSON).sort());
      }
    });
  }
});
