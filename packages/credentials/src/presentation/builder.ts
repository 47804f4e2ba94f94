import { CheckCollector, NOT_CHECKED } from '../verify/report-builder.js';
import type { PresentationChecks, PresentationReport } from './report.js';

/** Collects a presentation's check outcomes and turns them into a report. Unset checks read NOT_CHECKED. */
export class PresentationReportBuilder extends CheckCollector<PresentationChecks> {
  constructor() {
    super({
      decoding: NOT_CHECKED,
      signature: NOT_CHECKED,
      validity: NOT_CHECKED,
      schema: NOT_CHECKED,
      credentials: NOT_CHECKED,
    });
  }

  build(fields: Omit<PresentationReport, 'verified' | 'checks' | 'errors'>): PresentationReport {
    return { verified: this.allPassed(), ...fields, checks: this.checks, errors: this.errors };
  }
}
