import { type CredentialType, isCredentialType } from '@passage/schema';

/** The parts of a verification report (`@passage/credentials`) entry rules read. */
export interface ReportFacts {
  credentialType?: string;
  /** The canonical vaccination record, whatever the format. */
  record?: unknown;
  /** The decoded credential (VC Data Model 2.0 JSON). */
  credential?: Record<string, unknown>;
}

/**
 * What {@link evaluateEntryRules} needs from a verification report: the credential type and the data the
 * rules read (the canonical record of a vaccination certificate, the subject of a travel card).
 * `undefined` when the report has neither, e.g. the credential could not be decoded.
 *
 * @example
 * const input = entryRulesInputOf(report);
 * const verdict = input && evaluateEntryRules(ruleSet, { ...input, economy, arrivalDate, now });
 */
export function entryRulesInputOf(
  report: ReportFacts,
): { credentialType: CredentialType; data: unknown } | undefined {
  const { credentialType } = report;
  if (!isCredentialType(credentialType)) return undefined;
  const data =
    credentialType === 'VaccinationCertificate' ? report.record : report.credential?.credentialSubject;
  return data === undefined ? undefined : { credentialType, data };
}
