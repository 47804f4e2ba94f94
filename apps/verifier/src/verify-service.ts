import {
  createDidResolver,
  didWebMethod,
  type StatusListCache,
  type TrustStore,
  type VerificationReport,
  verifyCredentialResolving,
} from '@passage/credentials';
import type { RuleSet } from '@passage/rules';
import { type SubjectView, summarizeSubject, vaccinationRecordFromSubject } from '@passage/schema';
import type { Resolvable } from 'did-resolver';
import type { DataSources } from './data.js';
import { type EntryQuestion, type EntryVerdict, entryVerdict } from './entry-verdict.js';

/**
 * A report plus, when the subject could be read, the officer's view of it; the entry verdict when an
 * economy was named; and which data (trust list, rules, network) the verdict rests on.
 */
export type VerifierAnswer = VerificationReport & {
  view?: SubjectView;
  entry?: EntryVerdict;
  sources?: DataSources;
};

/** The security settings the verifier service applies to every request. */
export interface VerifyInputOptions {
  trust: TrustStore;
  now: Date;
  clockToleranceSec: number;
  /** Resolves DID documents of trusted issuers listed without keys. Default: did-resolver with a cache. */
  resolver?: Resolvable;
  /** The process's status list cache; the credential's lists are brought up to date before checking. */
  statusLists?: StatusListCache;
  /** The entry rules in force, and the economy and arrival to judge them for. */
  entry?: EntryQuestion & { ruleSet: RuleSet | undefined };
  /** Described in the answer so the officer knows how fresh the data is. */
  sources?: DataSources;
}

// One resolver per process, so its cache serves every request.
const defaultResolver = createDidResolver({ web: didWebMethod() });

/**
 * Verifies QR text, a compact JWS or an enveloped credential and adds the officer's view: who to
 * compare with the passport and what the credential states, and, for a named economy, whether its
 * entry rules are met. Never throws for bad input. A trusted issuer listed without keys has its
 * did:web document fetched (once, then cached); no other DID is.
 */
export async function verifyForOfficer(input: unknown, options: VerifyInputOptions): Promise<VerifierAnswer> {
  const { report, schema } = await verifyCredentialResolving(input, {
    trust: options.trust,
    now: options.now,
    clockToleranceSec: options.clockToleranceSec,
    resolver: options.resolver ?? defaultResolver,
    ...(options.statusLists ? { statusLists: options.statusLists } : {}),
  });
  const typed = schema?.subject;
  const record =
    report.record ??
    (typed?.type === 'VaccinationCertificate' ? vaccinationRecordFromSubject(typed.subject) : undefined);
  const full: VerificationReport = record ? { ...report, record } : report;
  const { entry: question } = options;
  return {
    ...full,
    ...(typed ? { view: summarizeSubject(typed) } : {}),
    ...(question ? { entry: entryVerdict(full, question.ruleSet, question, options.now) } : {}),
    ...(options.sources ? { sources: options.sources } : {}),
  };
}
