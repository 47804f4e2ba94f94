import { detectFormat } from '@passage/formats/pure';
import {
  type SubjectView,
  summarizeRecord,
  summarizeSubject,
  vaccinationRecordFromSubject,
} from '@passage/schema';
import { type OperatorPublicJwk as OperatorKey, operatorPublicJwkSchema } from '@passage/trust/pure';
import { parseWebBundle } from './bundle.js';
import { WebVerifyError } from './errors.js';
import type { VerificationReport } from './internal/credentials.js';
import { DEFAULT_CLOCK_TOLERANCE_SEC } from './internal/credentials.js';
import { verifyForeignWeb } from './internal/foreign.js';
import { type LoadedData, loadBundleData, type WebBundleLoadReport } from './internal/load.js';
import { type EntryVerdict, entryVerdict } from './internal/rules.js';
import { bundleStatusSource, DEFAULT_STATUS_MAX_STALE_SEC } from './internal/status-source.js';
import { verifyCredentialWeb } from './internal/verify-credential.js';

/** Which data a verdict rests on and how fresh it is (`DataSources` of the verifier service). */
export interface WebDataSources {
  trustList:
    | {
        version: number;
        issuedAt: string;
        validUntil: string;
        source: 'bundle';
        fetchedAt: string;
        ageSeconds: number;
        entries: number;
        expired: boolean;
      }
    | { source: 'none' };
  rules?: {
    version: number;
    issuedAt: string;
    validUntil?: string;
    source: 'bundle';
    fetchedAt: string;
    ageSeconds: number;
  };
  /** Always false: the web verifier decides from its bundle alone. */
  network: false;
  bundleCreatedAt: string;
}

/** The answer to one verification: the report of the verifier service, with the officer's view. */
export type WebVerifierAnswer = VerificationReport & {
  view?: SubjectView;
  entry?: EntryVerdict;
  sources?: WebDataSources;
};

/** What to verify against: the pinned operator keys and, for tests, the clock. */
export interface WebVerifierOptions {
  /** The operator public JWKs the page pins (several during a rotation). */
  operatorKeys: readonly unknown[];
  /** The instant the bundle is checked at. Default: now. */
  now?: Date;
  /** Clock skew allowed for credentials, in seconds. Default: 60, as the verifier service. */
  clockToleranceSec?: number;
  /** A status list older than this (since it was fetched) is not used. Default: 7 days. */
  statusMaxStaleSec?: number;
}

/** What to ask of one credential. */
export interface WebVerifyOptions {
  /** The economy (ISO 3166 alpha-3) whose entry rules to judge; without it, no entry verdict. */
  economy?: string;
  /** A date or date-time of arrival; default: the validation clock. */
  arrivalDate?: string;
  /** The instant to validate against. Default: now. */
  now?: Date;
}

/** A verifier over one offline bundle. */
export interface WebVerifier {
  /** Verifies Passage QR text (or a compact JWS): never throws for a bad credential. */
  verify(input: unknown, options?: WebVerifyOptions): Promise<WebVerifierAnswer>;
  /** What loading the bundle took and refused. */
  readonly loaded: WebBundleLoadReport;
  /** Which data verdicts rest on, and how old it is at `now`. */
  sources(now?: Date): WebDataSources;
}

function parseOperatorKeys(keys: readonly unknown[]): OperatorKey[] {
  if (!Array.isArray(keys) || keys.length === 0)
    throw new WebVerifyError('OPERATOR_KEY_INVALID', 'at least one operator key must be pinned');
  return keys.map((key) => {
    const parsed = operatorPublicJwkSchema.safeParse(key);
    if (!parsed.success)
      throw new WebVerifyError(
        'OPERATOR_KEY_INVALID',
        'an operator key is not a P-256 or Ed25519 public JWK',
      );
    return parsed.data;
  });
}

function sourcesOf(data: LoadedData, createdAt: string, now: number): WebDataSources {
  const fetched = Date.parse(createdAt);
  const ageSeconds = Math.max(0, Math.round((now - fetched) / 1000));
  const { trustList, ruleSet } = data;
  return {
    trustList: trustList
      ? {
          version: trustList.version,
          issuedAt: trustList.issuedAt,
          validUntil: trustList.validUntil,
          source: 'bundle',
          fetchedAt: new Date(fetched).toISOString(),
          ageSeconds,
          entries: trustList.entries.length,
          expired: now > Date.parse(trustList.validUntil),
        }
      : { source: 'none' },
    ...(ruleSet
      ? {
          rules: {
            version: ruleSet.version,
            issuedAt: ruleSet.issuedAt,
            ...(ruleSet.validUntil === undefined ? {} : { validUntil: ruleSet.validUntil }),
            source: 'bundle' as const,
            fetchedAt: new Date(fetched).toISOString(),
            ageSeconds,
          },
        }
      : {}),
    network: false,
    bundleCreatedAt: createdAt,
  };
}

/**
 * Creates a verifier that decides in the browser from an offline bundle, with the verdicts of the
 * verifier service: the bundle's trust list and rules are verified against the pinned operator keys
 * and its status lists against the trust list's keys, as the service's `loadBundle` does. Uses Web
 * Crypto, `DecompressionStream` and pako only. EU DCC, SMART Health Card and ICAO VDS-NC input is
 * verified as the service verifies it, against the trust list's entries of those frameworks.
 *
 * @throws WebVerifyError `BUNDLE_INVALID` or `OPERATOR_KEY_INVALID`; a refused trust list, rule set or
 *   status list is reported in `loaded` instead, and verdicts go on without it.
 * @example
 * const verifier = await createWebVerifier(await (await fetch('/bundle.json')).json(), { operatorKeys: [jwk] });
 * const answer = await verifier.verify(scannedText, { economy: 'THA' });
 * if (!answer.verified) show(answer.errors.map((e) => e.code));
 */
export async function createWebVerifier(bundle: unknown, options: WebVerifierOptions): Promise<WebVerifier> {
  const parsed = parseWebBundle(bundle);
  const operatorKeys = parseOperatorKeys(options.operatorKeys);
  const data = await loadBundleData(parsed, operatorKeys, options.now ?? new Date());
  const status = bundleStatusSource(
    data.statusLists,
    options.statusMaxStaleSec ?? DEFAULT_STATUS_MAX_STALE_SEC,
  );
  const clockToleranceSec = options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
  const clockToleranceMs = clockToleranceSec * 1000;
  const sources = (now: Date = new Date()) => sourcesOf(data, parsed.createdAt, now.getTime());
  const answerOf = (
    full: VerificationReport,
    view: SubjectView | undefined,
    ask: WebVerifyOptions,
    now: Date,
  ): WebVerifierAnswer => ({
    ...full,
    ...(view ? { view } : {}),
    ...(ask.economy === undefined
      ? {}
      : {
          entry: entryVerdict(
            full,
            data.ruleSet,
            {
              economy: ask.economy,
              ...(ask.arrivalDate === undefined ? {} : { arrivalDate: ask.arrivalDate }),
            },
            now,
          ),
        }),
    sources: sources(now),
  });

  return {
    loaded: data.report,
    sources,
    async verify(input, ask = {}) {
      const now = ask.now ?? new Date();
      const format = detectFormat(input);
      if (format !== 'passage') {
        const report = await verifyForeignWeb(format, input, { trust: data.foreign, now, clockToleranceSec });
        // A canonical record is a vaccination, whatever the format's own typing: entry rules need the type.
        const full = report.record ? { ...report, credentialType: 'VaccinationCertificate' } : { ...report };
        return answerOf(full, full.record ? summarizeRecord(full.record) : undefined, ask, now);
      }
      const { report, schema } = await verifyCredentialWeb(input, {
        trust: data.trust,
        status,
        now: now.getTime(),
        clockToleranceMs,
      });
      const typed = schema?.subject;
      const record =
        report.record ??
        (typed?.type === 'VaccinationCertificate' ? vaccinationRecordFromSubject(typed.subject) : undefined);
      const full: VerificationReport = record ? { ...report, record } : report;
      return answerOf(full, typed ? summarizeSubject(typed) : undefined, ask, now);
    },
  };
}
