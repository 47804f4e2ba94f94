import type { ReportBuilder, StatusEntryReport } from './credentials.js';
import type { WebStatusList } from './status-list.js';
import type { StatusSource, StatusView } from './status-source.js';
import type { WebTrustStore } from './trust-store.js';

/** What the status check needs besides the credential. */
export interface StatusCheckContext {
  issuer: string;
  trust: WebTrustStore;
  status: StatusSource;
  now: number;
}

type Failure = { code: 'REVOKED' | 'SUSPENDED' | 'STATUS_UNAVAILABLE'; message: string };
const RANK = { REVOKED: 3, SUSPENDED: 2, STATUS_UNAVAILABLE: 1 } as const;
const MAX_STATUS_ENTRIES = 16;
const CHECKED_PURPOSES: readonly string[] = ['revocation', 'suspension'];

const unavailable = (message: string): Failure => ({ code: 'STATUS_UNAVAILABLE', message });
const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

function indexOf(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

function entriesOf(credential: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const status = credential.credentialStatus;
  const list = Array.isArray(status) ? status : [status];
  const entries = list.map(asObject);
  return entries.every((e) => e !== undefined) ? (entries as Record<string, unknown>[]) : undefined;
}

/** Entry `index` of a bitstring: index 0 is the most significant bit of byte 0. */
const bitAt = (bits: Uint8Array, index: number): boolean =>
  ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;

function listProblem(list: WebStatusList, purpose: string, index: number, ctx: StatusCheckContext) {
  if (list.issuer !== ctx.issuer) return 'the status list was issued by another issuer than the credential';
  if (!list.purposes.includes(purpose)) return 'the status list does not serve the entry’s statusPurpose';
  const stillTrusted =
    list.kid === undefined
      ? ctx.trust.keysOf(list.issuer).some((k) => k.id === list.key.id)
      : ctx.trust.keyFor(list.kid)?.id === list.key.id;
  if (!stillTrusted) return 'the key that signed the status list is no longer trusted';
  if (index >= list.bits.length * 8) return 'the statusListIndex is outside the status list';
  return undefined;
}

function reportOf(purpose: string, url: string, index: number, view: StatusView): StatusEntryReport {
  return {
    purpose,
    listUrl: url,
    index,
    set: undefined,
    source: view.source,
    ...(view.fetchedAt === undefined ? {} : { fetchedAt: new Date(view.fetchedAt).toISOString() }),
    ...(view.ageSeconds === undefined ? {} : { ageSeconds: view.ageSeconds }),
    stale: view.stale,
  };
}

function checkEntry(
  entry: Record<string, unknown>,
  ctx: StatusCheckContext,
): { line?: StatusEntryReport; failure?: Failure } {
  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string') return { failure: unavailable('a status entry names no statusPurpose') };
  const checked = CHECKED_PURPOSES.includes(purpose);
  const url = entry.statusListCredential;
  const index = indexOf(entry.statusListIndex);
  const fail = (message: string) => (checked ? { failure: unavailable(message) } : {});
  if (entry.type !== 'BitstringStatusListEntry')
    return fail('a status entry is not a BitstringStatusListEntry');
  if (typeof url !== 'string') return fail('a status entry names no statusListCredential');
  if (index === undefined) return fail('the statusListIndex is not a decimal string');
  const view = ctx.status.peek(url, ctx.now);
  const line = reportOf(purpose, url, index, view);
  if (entry.statusSize !== undefined && entry.statusSize !== 1) {
    return { line, ...fail('a statusSize other than 1 is not supported') };
  }
  const { list } = view;
  if (!list) return { line, ...fail(view.problem ?? 'the status list is unavailable') };
  const problem = listProblem(list, purpose, index, ctx);
  if (problem) return { line, ...fail(problem) };
  line.set = bitAt(list.bits, index);
  if (!line.set || !checked) return { line };
  return purpose === 'revocation'
    ? { line, failure: { code: 'REVOKED', message: 'the credential has been revoked' } }
    : { line, failure: { code: 'SUSPENDED', message: 'the credential is suspended' } };
}

/**
 * The status check of the Node verifier (`checkStatus` in `@passage/credentials`) over bundle lists:
 * a credential without `credentialStatus` passes; a set revocation or suspension bit fails with
 * REVOKED or SUSPENDED, a list that cannot be had or trusted with STATUS_UNAVAILABLE (REVOKED beats
 * SUSPENDED beats STATUS_UNAVAILABLE); other purposes are listed, never failed.
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
