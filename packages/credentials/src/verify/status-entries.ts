import type { StatusEntryReport, StatusSource } from '../report.js';
import { getStatusBit } from '../status/bits.js';
import type { ReportBuilder } from './report-builder.js';

// The status check's decisions, apart from where lists come from and how keys compare: the Node
// verifier (status-check.ts) and the browser verifier (@passage/web-verify) both run this.

/** What the check reads of a verified status list. */
export interface HeldStatusList {
  /** The list's issuer DID; it must be the issuer of the credentials it covers. */
  issuer: string;
  /** `credentialSubject.statusPurpose`, as a list. */
  purposes: readonly string[];
  /** The expanded bitstring; index 0 is the most significant bit of byte 0. */
  bits: Uint8Array;
}

/** A held list, or why there is none, as a status check sees it at one instant. */
export interface HeldStatusView<L extends HeldStatusList> {
  /** The verified list, absent when none is usable (`problem` says why). */
  snapshot?: L | undefined;
  source: StatusSource;
  /** When the copy was fetched or last confirmed unchanged (epoch ms). */
  fetchedAt?: number | undefined;
  ageSeconds?: number | undefined;
  stale: boolean;
  problem?: string | undefined;
}

/**
 * How one verifier reaches its lists and keys, given its own context `C`. Kept apart from the
 * context so a verifier passes one constant object and the check allocates nothing for it.
 */
export interface StatusListAccess<C, L extends HeldStatusList> {
  /** The list held for `url`; undefined when no status list source is configured. */
  peek(ctx: C, url: string): HeldStatusView<L> | undefined;
  /** Whether the key that signed `list` is still one the trust store holds for its issuer. */
  signerStillTrusted(ctx: C, list: L): boolean;
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
  const entries = entriesOf(credential) ?? [];
  const urls: string[] = [];
  // One pass over at most MAX_STATUS_ENTRIES entries: this runs on every verification.
  for (const { statusPurpose, statusListCredential: url } of entries.slice(0, MAX_STATUS_ENTRIES)) {
    const checked = typeof statusPurpose === 'string' && CHECKED_PURPOSES.includes(statusPurpose);
    if (checked && typeof url === 'string' && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/** Why a held list cannot answer for this entry, or undefined when it can. */
function listProblem<C extends { issuer: string }, L extends HeldStatusList>(
  list: L,
  purpose: string,
  index: number,
  ctx: C,
  access: StatusListAccess<C, L>,
) {
  if (list.issuer !== ctx.issuer) return 'the status list was issued by another issuer than the credential';
  if (!list.purposes.includes(purpose)) return 'the status list does not serve the entry’s statusPurpose';
  if (!access.signerStillTrusted(ctx, list))
    return 'the key that signed the status list is no longer trusted';
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

function reportOf(
  purpose: string,
  url: string,
  index: number,
  view: HeldStatusView<HeldStatusList>,
): StatusEntryReport {
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
function checkEntry<C extends { issuer: string }, L extends HeldStatusList>(
  entry: Record<string, unknown>,
  ctx: C,
  access: StatusListAccess<C, L>,
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
  const view = access.peek(ctx, url);
  if (!view) return failIf(checked, 'no status list source is configured');
  const line = reportOf(purpose, url, index, view);
  // Passage lists hold one bit per entry; wider entries (the `message` purpose) are listed unread.
  if (entry.statusSize !== undefined && entry.statusSize !== 1) {
    return { line, ...failIf(checked, 'a statusSize other than 1 is not supported') };
  }
  const list = view.snapshot;
  if (!list) return { line, ...failIf(checked, view.problem ?? 'the status list is unavailable') };
  const problem = listProblem(list, purpose, index, ctx, access);
  if (problem) return { line, ...failIf(checked, problem) };
  line.set = getStatusBit(list.bits, index);
  if (!line.set || !checked) return { line };
  return purpose === 'revocation'
    ? { line, failure: { code: 'REVOKED', message: 'the credential has been revoked' } }
    : { line, failure: { code: 'SUSPENDED', message: 'the credential is suspended' } };
}

/**
 * The status check (Bitstring Status List v1.0). A credential without `credentialStatus` passes.
 * Revocation and suspension entries are checked against lists already held (`access.peek` never
 * fetches): a set bit fails with REVOKED or SUSPENDED, a list that cannot be had or trusted
 * with STATUS_UNAVAILABLE; REVOKED beats SUSPENDED beats STATUS_UNAVAILABLE. Entries of other
 * purposes are reported but never fail. Answers the report lines, one per entry naming a list.
 *
 * @param ctx The verifier's context: `issuer` is the credential's, which its lists must share.
 * @param access How `ctx` reaches lists and keys: one constant object per verifier.
 */
export function checkStatusEntries<C extends { issuer: string }, L extends HeldStatusList>(
  credential: Record<string, unknown>,
  ctx: C,
  access: StatusListAccess<C, L>,
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
    const { line, failure } = checkEntry(entry, ctx, access);
    if (line) lines.push(line);
    if (failure && (!worst || RANK[failure.code] > RANK[worst.code])) worst = failure;
  }
  if (worst) report.fail('status', worst.code, worst.message);
  else report.pass('status');
  return lines.length > 0 ? lines : undefined;
}
