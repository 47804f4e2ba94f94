import type { ReportBuilder } from './report-builder.js';

/**
 * The status check. A credential that carries no `credentialStatus` has nothing to check and passes;
 * one that does fails with STATUS_UNAVAILABLE unless a status list source answers for it.
 */
export function checkStatus(credential: Record<string, unknown>, report: ReportBuilder): void {
  const status = credential.credentialStatus;
  if (status === undefined || (Array.isArray(status) && status.length === 0)) report.pass('status');
  else report.fail('status', 'STATUS_UNAVAILABLE', 'no status list was available to check revocation');
}
