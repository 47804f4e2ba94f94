import {
  createDidResolver,
  didWebMethod,
  type KeyBindingPolicy,
  type StatusListCache,
  type TrustStore,
  type VerificationReport,
  verifyCredentialResolving,
} from '@passage/credentials';
import { detectFormat } from '@passage/formats';
import { type EntryQuestion, type EntryVerdict, entryVerdict, type RuleSet } from '@passage/rules';
import {
  type SubjectView,
  summarizeRecord,
  summarizeSubject,
  type TypedSubject,
  vaccinationRecordFromSubject,
} from '@passage/schema';
import type { ForeignTrust } from '@passage/trust';
import type { Resolvable } from 'did-resolver';
import type { DataSources } from './data.js';
import { verifyForeign } from './foreign-formats.js';
import { withKeyBindingPolicy } from './key-binding.js';
import { NO_FOREIGN_TRUST } from './trust-source.js';

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
  /** DCC signer certificates, SHC issuers and ICAO CSCAs (from the same trust list). Default: none. */
  foreign?: ForeignTrust;
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
  /** The key binding asked of the credential (see `keyBindingAsked`). Default: none asked. */
  keyBinding?: KeyBindingPolicy;
}

// One resolver per process, so its cache serves every request.
const defaultResolver = createDidResolver({ web: didWebMethod() });

/**
 * Verifies scanned input of any supported format and adds the officer's view: who to compare with
 * the passport and what the credential states, and, for a named economy, whether its entry rules
 * are met. `HC1:` text is verified as an EU DCC, `shc:/` text (one string, or the chunks of a legacy
 * multi-part card as an array) as a SMART Health Card, a VDS-NC seal (object or JSON text) as ICAO
 * VDS-NC, and anything else (QR text, compact JWS, enveloped credential) as Passage. The answer's
 * `format` says which. Never throws for bad input. A trusted issuer listed without keys has its
 * did:web document fetched (once, then cached); no other DID is. Key binding asked for
 * (`options.keyBinding`) only an SD-JWT can give: any other credential then fails KEY_BINDING_REQUIRED.
 */
export async function verifyForOfficer(input: unknown, options: VerifyInputOptions): Promise<VerifierAnswer> {
  const format = detectFormat(input);
  if (format !== 'passage') {
    const report = withKeyBindingPolicy(
      verifyForeign(format, input, {
        trust: options.foreign ?? NO_FOREIGN_TRUST,
        now: options.now,
        clockToleranceSec: options.clockToleranceSec,
      }),
      options.keyBinding,
    );
    // A canonical record is a vaccination, whatever the format's own typing: entry rules need the type.
    // A copy either way: answerOf adds to the report it is given.
    return answerOf(
      report.record ? { ...report, credentialType: 'VaccinationCertificate' } : { ...report },
      undefined,
      options,
    );
  }
  const { report, schema } = await verifyCredentialResolving(input, {
    trust: options.trust,
    now: options.now,
    clockToleranceSec: options.clockToleranceSec,
    resolver: options.resolver ?? defaultResolver,
    ...(options.statusLists ? { statusLists: options.statusLists } : {}),
    ...(options.keyBinding ? { keyBinding: options.keyBinding } : {}),
  });
  const typed = schema?.subject;
  // The report is this call's own object: the record is added to it, not to a copy of it.
  if (report.record === undefined && typed?.type === 'VaccinationCertificate') {
    report.record = vaccinationRecordFromSubject(typed.subject);
  }
  return answerOf(report, typed, options);
}

/**
 * The report with the officer's view (of the Passage subject, else of the record) and entry verdict,
 * added to `full` itself: the caller's own report, made for this answer.
 */
function answerOf(
  full: VerificationReport,
  typed: TypedSubject | undefined,
  options: VerifyInputOptions,
): VerifierAnswer {
  const { entry: question } = options;
  const view = typed ? summarizeSubject(typed) : full.record ? summarizeRecord(full.record) : undefined;
  const answer: VerifierAnswer = full;
  if (view) answer.view = view;
  if (question) answer.entry = entryVerdict(full, question.ruleSet, question, options.now);
  if (options.sources) answer.sources = options.sources;
  return answer;
}
