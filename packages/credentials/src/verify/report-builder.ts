import type { VerificationCode } from '../errors.js';
import type {
  Check,
  CredentialFormat,
  VerificationChecks,
  VerificationIssue,
  VerificationReport,
} from '../report.js';

const NOT_CHECKED: Check = { ok: false, code: 'NOT_CHECKED' };

/**
 * What a shared check step writes its outcome to: any report builder whose checks include `K` (a
 * credential's {@link ReportBuilder}, a presentation's).
 */
export interface CheckWriter<K extends string> {
  pass(check: K): void;
  fail(check: K, code: VerificationCode, message: string): void;
}

/** Collects check outcomes in order and turns them into a report. Unset checks read NOT_CHECKED. */
export class ReportBuilder {
  readonly checks: VerificationChecks = {
    decoding: NOT_CHECKED,
    signature: NOT_CHECKED,
    issuerTrusted: NOT_CHECKED,
    validity: NOT_CHECKED,
    status: NOT_CHECKED,
    schema: NOT_CHECKED,
  };
  readonly errors: VerificationIssue[] = [];

  pass(check: keyof VerificationChecks): void {
    this.checks[check] = { ok: true };
  }

  fail(check: keyof VerificationChecks, code: VerificationCode, message: string): void {
    this.checks[check] = { ok: false, code };
    if (code !== 'NOT_CHECKED') this.errors.push({ code, message });
  }

  build(
    fields: Omit<VerificationReport, 'verified' | 'checks' | 'errors' | 'format'>,
    format: CredentialFormat = 'passage',
  ): VerificationReport {
    const verified = Object.values(this.checks).every((c: Check) => c.ok);
    return { verified, format, ...fields, checks: this.checks, errors: this.errors };
  }
}
