import { sameVerificationKey } from '../jws/signature.js';
import type { StatusEntryReport } from '../report.js';
import type { StatusLookup } from '../status/cache.js';
import type { StatusListSnapshot } from '../status/list-credential.js';
import type { TrustStore } from '../trust/trust-store.js';
import type { ReportBuilder } from './report-builder.js';
import { checkStatusEntries, type StatusListAccess } from './status-entries.js';

export { statusListUrlsOf } from './status-entries.js';

/** What the status check needs besides the credential. */
export interface StatusCheckContext {
  /** The credential's issuer: its lists must be issued by it. */
  issuer: string;
  /** Keys the list must still be signed with. */
  trust: TrustStore;
  /** Where verified lists are looked up; without one, entries to check are STATUS_UNAVAILABLE. */
  status: StatusLookup | undefined;
}

/** Lists from the status list cache, keys compared as Node key objects. */
const cacheAccess: StatusListAccess<StatusCheckContext, StatusListSnapshot> = {
  peek: (ctx, url) => ctx.status?.peek(url),
  signerStillTrusted(ctx, list) {
    if (list.kid === undefined)
      return ctx.trust.keysOf(list.issuer).some((k) => sameVerificationKey(k, list.key));
    const key = ctx.trust.keyFor(list.kid);
    return key !== undefined && sameVerificationKey(key, list.key);
  },
};

/**
 * The status check (Bitstring Status List v1.0) over the lists `ctx.status` already holds (this
 * never fetches); see {@link checkStatusEntries}. Answers the report lines, one per entry naming a list.
 */
export function checkStatus(
  credential: Record<string, unknown>,
  ctx: StatusCheckContext,
  report: ReportBuilder,
): StatusEntryReport[] | undefined {
  return checkStatusEntries(credential, ctx, cacheAccess, report);
}
