import {
  checkStatusEntries,
  type ReportBuilder,
  type StatusEntryReport,
  type StatusListAccess,
} from './credentials.js';
import type { WebStatusList } from './status-list.js';
import type { StatusSource } from './status-source.js';
import type { WebTrustStore } from './trust-store.js';

/** What the status check needs besides the credential. */
export interface StatusCheckContext {
  issuer: string;
  trust: WebTrustStore;
  status: StatusSource;
  now: number;
}

/** Bundle lists judged at `ctx.now`; keys compared by their id in the trust store. */
const bundleAccess: StatusListAccess<StatusCheckContext, WebStatusList> = {
  peek: (ctx, url) => ctx.status.peek(url, ctx.now),
  signerStillTrusted: (ctx, list) =>
    list.kid === undefined
      ? ctx.trust.keysOf(list.issuer).some((k) => k.id === list.key.id)
      : ctx.trust.keyFor(list.kid)?.id === list.key.id,
};

/**
 * The status check of the Node verifier (`checkStatusEntries` in `@passage/credentials/pure`) over
 * bundle lists: a credential without `credentialStatus` passes; a set revocation or suspension bit
 * fails with REVOKED or SUSPENDED, a list that cannot be had or trusted with STATUS_UNAVAILABLE;
 * other purposes are listed, never failed.
 */
export function checkStatus(
  credential: Record<string, unknown>,
  ctx: StatusCheckContext,
  report: ReportBuilder,
): StatusEntryReport[] | undefined {
  return checkStatusEntries(credential, ctx, bundleAccess, report);
}
