import type { VerificationKey } from '../jws/signature.js';
import type { StatusEntryReport } from '../report.js';
import { getStatusBit } from '../status/bitstring.js';
import type { StatusListView, StatusLookup } from '../status/cache.js';
import type { StatusListSnapshot } from '../status/list-credential.js';
import type { TrustStore } from '../trust/trust-store.js';
import type { ReportBuilder } from './report-builder.js';

/** What the status check needs besides the credential. */
export interface StatusCheckContext {
  /** The credential's issuer: its lists must be issued by it. */
  issuer: string;
  /** Keys the list must still be signed with. */
  trust: TrustStore;
  /** Where verified lists are looked up; without one, entries to check are STATUS_UNAVAILABLE. */
  status: StatusLookup | undefined;
}

type Failure = { code: 'REVOKED' | 'SUSPENDED' | 'STATUS_UNAVAILABLE'; message: string };
const RANK = { REVOKED: 3, SUSPENDED: 2, STATUS_UNAVAILABLE: 1 } as const;
/** More entries than a credential has any reason to carry are refused, bounding the work per check. */
const MAX_STATUS_ENTRIES = 16;
const CHECKED_PURPOSES: readonly string[] = ['revocation', 'suspension'];

const unavailable = (message: string): Failure => ({ code: 'STATUS_UNAVAILABLE', message });
/** An entry's failure, for the purposes this check decides on; entries of other purposes never fail. */
const failIf = (checked: boolean, message: string): { failure?: Failure } =>
  checked ? { failure: unavailable(message) } : {};

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** `statusListIndex` as a number: a decimal string, as the spec requires, of a safe size. */
function indexOf(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** The `credentialStatus` entries, or undefined when the member is not an object or array of objects. */
function entriesOf(credential: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const status = credential.credentialStatus;
  const list = Array.isArray(status) ? status : [status];
  const entries = list.map(asObject);
  return entries.every((e) => e !== undefined) ? (entries as Record<string, unknown>[]) : undefined;
}

/**
 * The URLs of the revocation and suspension lists a credential points at: what a verifier
 * prefetches before the (synchronous) check.
 */
export function statusListUrlsOf(credential: Record<string, unknown>): string[] {
  if (credential.credentialStatus === undefined) return [];
  const urls = (entriesOf(credential) ?? [])
    .slice(0, MAX_STATUS_ENTRIES)
    .filter((e) => typeof e.statusPurpose === 'string' && CHECKED_PURPOSES.includes(e.statusPurpose))
    .map((e) => e.statusListCredential)
    .filter((url): url is string => typeof url === 'string');
  return [...new Set(urls)];
}

const sameKey = (a: VerificationKey, b: VerificationKey) => a === b || a.key === b.key || a.key.equals(b.key);

/** Why a held list cannot answer for this entry, or undefined when it can. */
function listProblem(list: StatusListSnapshot, purpose: string, index: number, ctx: StatusCheckContext) {
  if (list.issuer !== ctx.issuer) return 'the status list was issued by another issuer than the credential';
  if (!list.purposes.includes(purpose)) return 'the status list does not serve the entry’s statusPurpose';
  const key = list.kid === undefined ? undefined : ctx.trust.keyFor(list.kid);
  const stillTrusted =
    list.kid === undefined
      ? ctx.trust.keysOf(list.issuer).some((k) => sameKey(k, list.key))
      : key !== undefined && sameKey(key, list.key);
  if (!stillTrusted) return 'the key that signed the status list is no longer trusted';
  if (index >= list.bits.length * 8) return 'the statusListIndex is outside the status list';
  return undefined;
}

// The lists of one credential are usually fetched together: format their shared instant once.
let lastInstant = Number.NaN;
let lastIso = '';
function isoOf(ms: number): string {
  if (ms !== lastInstant) {
    lastIso = new Date(ms).toISOString();
    lastInstant = ms;
  }
  return lastIso;
}

function reportOf(purpose: string, url: string, index: number, view: StatusListView): StatusEntryReport {
  return {
    purpose,
    listUrl: url,
    index,
    set: undefined,
    source: view.source,
    ...(view.fetchedAt === undefined ? {} : { fetchedAt: isoOf(view.fetchedAt) }),
    ...(view.ageSeconds === undefined ? {} : { ageSeconds: view.ageSeconds }),
    stale: view.stale,
  };
}

/** Checks one entry: its report line (when it names a list and index) and its failure, if any. */
function checkEntry(
  entry: Record<string, unknown>,
  ctx: StatusCheckContext,
): { line?: StatusEntryReport; failure?: Failure } {
  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string') return { failure: unavailable('a status entry names no statusPurpose') };
  const checked = CHECKED_PURPOSES.includes(purpose);
  const url = entry.statusListCredential;
  const index = indexOf(entry.statusListIndex);
  if (entry.type !== 'BitstringStatusListEntry')
    return failIf(checked, 'a status entry is not a BitstringStatusListEntry');
  if (typeof url !== 'string') return failIf(checked, 'a status entry names no statusListCredential');
  if (index === undefined) return failIf(checked, 'the statusListIndex is not a decimal string');
  if (!ctx.status) return failIf(checked, 'no status list source is configured');
  const view = ctx.status.peek(url);
  const line = reportOf(purpose, url, index, view);
  // Passage lists hold one bit per entry; wider entries (the `message` purpose) are listed unread.
  if (entry.statusSize !== undefined && entry.statusSize !== 1) {
    return { line, ...failIf(checked, 'a statusSize other than 1 is not supported') };
  }
  const list = view.snapshot;
  if (!list) return { line, ...failIf(checked, view.problem ?? 'the status list is unavailable') };
  const problem = listProblem(list, purpose, index, ctx);
  if (problem) return { line, ...failIf(checked, problem) };
  line.set = getStatusBit(list.bits, index);
  if (!line.set || !checked) return { line };
  return purpose === 'revocation'
    ? { line, failure: { code: 'REVOKED', message: 'the credential has been revoked' } }
    : { line, failure: { code: 'SUSPENDED', message: 'the credential is suspended' } };
}

/**
 * The status check (Bitstring Status List v1.0). A credential without `credentialStatus` passes.
 * Revocation and suspension entries are checked against lists already held by `ctx.status` (this
 * never fetches): a set bit fails with REVOKED or SUSPENDED, a list that cannot be had or trusted
 * with STATUS_UNAVAILABLE; REVOKED beats SUSPENDED beats STATUS_UNAVAILABLE. Entries of other
 * purposes are reported but never fail. Answers the report lines, one per entry naming a list.
 */
export function checkStatus(
  credential: Record<string, unknown>,
  ctx: StatusCheckContext,
  report: ReportBuilder,
): StatusEntryReport[] | undefined {
  if (credential.credentialStatus === undefined) {
    report.pass('status');
    return undefined;
  }
  const entries = entriesOf(credential);
  if (!entries || entries.length > MAX_STATUS_ENTRIES) {
    report.fail('status', 'STATUS_UNAVAILABLE', 'credentialStatus is not a list of status entries');
    return undefined;
  }
  const lines: StatusEntryReport[] = [];
  let worst: Failure | undefined;
  for (const entry of entries) {
    const { line, failure } = checkEntry(entry, ctx);
    if (line) lines.push(line);
    if (failure && (!worst || RANK[failure.code] > RANK[worst.code])) worst = failure;
  }
  if (worst) report.fail('status', worst.code, worst.message);
  else report.pass('status');
  return lines.length > 0 ? lines : undefined;
}
