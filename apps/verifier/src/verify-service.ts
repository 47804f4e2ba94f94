import { type TrustStore, type VerificationReport, verifyCredentialDetailed } from '@passage/credentials';
import { type SubjectView, summarizeSubject } from '@passage/schema';

/** A report plus, when the subject could be read, the officer's view of it. */
export type VerifierAnswer = VerificationReport & { view?: SubjectView };

/** The security settings the verifier service applies to every request. */
export interface VerifyInputOptions {
  trust: TrustStore;
  now: Date;
  clockToleranceSec: number;
}

/**
 * Verifies QR text, a compact JWS or an enveloped credential and adds the officer's view: who to
 * compare with the passport and what the credential states. Never throws for bad input.
 */
export function verifyForOfficer(input: unknown, options: VerifyInputOptions): VerifierAnswer {
  const { report, schema } = verifyCredentialDetailed(input, {
    trust: options.trust,
    now: options.now,
    clockToleranceSec: options.clockToleranceSec,
  });
  return schema?.subject ? { ...report, view: summarizeSubject(schema.subject) } : report;
}
