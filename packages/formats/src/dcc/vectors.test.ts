import type { VerificationReport } from '@passage/credentials';
import { describe, expect, it } from 'vitest';
import { clockOf, type DccTestCase, dccCasesIn, HAVE_DCC_VECTORS, trustFor } from './fixtures.js';
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

describe.skipIf(!HAVE_DCC_VECTORS)(
  `EU DCC test vectors${HAVE_DCC_VECTORS ? '' : ' (skipped: ../shared/vectors/dcc is absent)'}`,
  () => {
    if (!HAVE_DCC_VECTORS) return;
    const cases = ['common', 'AT', 'DE'].flatMap(dccCasesIn);

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
        if (flags.get('EXPECTEDVALIDJSON') === true && testCase.JSON !== undefined) {
          expect(report.native).toEqual(testCase.JSON);
        }
      });
    }
  },
);
