import type { VerificationCode } from '../errors.js';
import type { Check, VerificationIssue } from '../report.js';
import type { CheckWriter } from '../verify/report-builder.js';
import type { PresentationChecks, PresentationReport } from './report.js';

const NOT_CHECKED: Check = { ok: false, code: 'NOT_CHECKED' };

/** Collects a presentation's check outcomes in order. Unset checks read NOT_CHECKED. */
export class PresentationReportBuilder implements CheckWriter<keyof PresentationChecks> {
  readonly checks: PresentationChecks = {
    decoding: NOT_CHECKED,
    signature: NOT_CHECKED,
    validity: NOT_CHECKED,
    schema: NOT_CHECKED,
    credentials: NOT_CHECKED,
  };
  readonly errors: VerificationIssue[] = [];

  pass(check: keyof PresentationChecks): void {
    this.checks[check] = { ok: true };
  }

  fail(check: keyof PresentationChecks, code: VerificationCode, message: string): void {
    this.checks[check] = { ok: false, code };
    if (code !== 'NOT_CHECKED') this.errors.push({ code, message });
  }

  build(fields: Omit<PresentationReport, 'verified' | 'checks' | 'errors'>): PresentationReport {
    const verified = Object.values(this.checks).every((c: Check) => c.ok);
    return { verified, ...fields, checks: this.checks, errors: this.errors };
  }
}
