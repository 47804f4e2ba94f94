import {
  createDidResolver,
  didWebMethod,
  type StatusListCache,
  type TrustStore,
  type VerificationReport,
  verifyCredentialResolving,
} from '@passage/credentials';
import { type SubjectView, summarizeSubject } from '@passage/schema';
import type { Resolvable } from 'did-resolver';

/** A report plus, when the subject could be read, the officer's view of it. */
export type VerifierAnswer = VerificationReport & { view?: SubjectView };

/** The security settings the verifier service applies to every request. */
export interface VerifyInputOptions {
  trust: TrustStore;
  now: Date;
  clockToleranceSec: number;
  /** Resolves DID documents of trusted issuers listed without keys. Default: did-resolver with a cache. */
  resolver?: Resolvable;
  /** The process's status list cache; the credential's lists are brought up to date before checking. */
  statusLists?: StatusListCache;
}

// One resolver per process, so its cache serves every request.
const defaultResolver = createDidResolver({ web: didWebMethod() });

/**
 * Verifies QR text, a compact JWS or an enveloped credential and adds the officer's view: who to
 * compare with the passport and what the credential states. Never throws for bad input. A trusted
 * issuer listed without keys has its did:web document fetched (once, then cached); no other DID is.
 */
export async function verifyForOfficer(input: unknown, options: VerifyInputOptions): Promise<VerifierAnswer> {
  const { report, schema } = await verifyCredentialResolving(input, {
    trust: options.trust,
    now: options.now,
    clockToleranceSec: options.clockToleranceSec,
    resolver: options.resolver ?? defaultResolver,
    ...(options.statusLists ? { statusLists: options.statusLists } : {}),
  });
  return schema?.subject ? { ...report, view: summarizeSubject(schema.subject) } : report;
}
