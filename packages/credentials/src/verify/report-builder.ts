import type { VerificationCode } from '../errors.js';
import type {
  Check,
  CredentialFormat,
  VerificationChecks,
  VerificationIssue,
  VerificationReport,
} from '../report.js';

/** The outcome of a check that has not run (yet). */
export const NOT_CHECKED: Check = { ok: false, code: 'NOT_CHECKED' };

/**
 * What a shared check step writes its outcome to: any report builder whose checks include `K` (a
 * credential's {@link ReportBuilder}, a presentation's).
 */
export interface CheckWriter<K extends string> {
  pass(check: K): void;
  fail(check: K, code: VerificationCode, message: string): void;
}

/**
 * Collects check outcomes in order: each check's latest outcome, and every failure's code and message
 * (NOT_CHECKED is an outcome, not an error). Unset checks keep what `checks` starts with.
 */
export class CheckCollector<C extends { [K in keyof C]: Check }> implements CheckWriter<keyof C & string> {
  readonly errors: VerificationIssue[] = [];

  constructor(readonly checks: C) {}

  pass(check: keyof C & string): void {
    (this.checks as Record<string, Check>)[check] = { ok: true };
  }

  fail(check: keyof C & string, code: VerificationCode, message: string): void {
    (this.checks as Record<string, Check>)[check] = { ok: false, code };
    if (code !== 'NOT_CHECKED') this.errors.push({ code, message });
  }

  /** True when every check passed. */
  protected allPassed(): boolean {
    return Object.values<Check>(this.checks).every((c) => c.ok);
  }
}

/** Collects a credential's check outcomes and turns them into a report. Unset checks read NOT_CHECKED. */
export class ReportBuilder extends CheckCollector<VerificationChecks> {
  constructor() {
    super({
      decoding: NOT_CHECKED,
      signature: NOT_CHECKED,
      issuerTrusted: NOT_CHECKED,
      validity: NOT_CHECKED,
      status: NOT_CHECKED,
      schema: NOT_CHECKED,
    });
  }

  build(
    fields: Omit<VerificationReport, 'verified' | 'checks' | 'errors' | 'format'>,
    format: CredentialFormat = 'passage',
  ): VerificationReport {
    return { verified: this.allPassed(), format, ...fields, checks: this.checks, errors: this.errors };
  }
}
