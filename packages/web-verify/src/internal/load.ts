import type { OperatorPublicJwk as OperatorKey } from '@passage/trust/pure';
import type { WebBundle } from '../bundle.js';
import { isWebVerifyError } from '../errors.js';
import { CredentialError } from './credentials.js';
import { createWebForeignTrust, type WebForeignTrust } from './foreign.js';
import { acceptRuleSet } from './rule-set.js';
import type { RuleSet } from './rules.js';
import { verifyStatusList, type WebStatusList } from './status-list.js';
import { acceptTrustList, passageEntriesOf, type WebTrustList } from './trust-list.js';
import { createWebTrustStore, type WebTrustStore, withDocumentKeys } from './trust-store.js';

/** What loading a bundle took and refused (as `BundleLoadReport` of the verifier service). */
export interface WebBundleLoadReport {
  trustList: { ok: boolean; code?: string };
  rules?: { ok: boolean; code?: string };
  statusLists: { loaded: number; refused: { url: string; code: string }[] };
  didDocuments: number;
}

/** Everything a verification reads, verified. */
export interface LoadedData {
  trustList: WebTrustList | undefined;
  ruleSet: RuleSet | undefined;
  /** Issuers with their listed keys and, for those listed without keys, their DID documents' keys. */
  trust: WebTrustStore;
  /** DCC signer certificates, SHC issuers and ICAO CSCAs from the same trust list. */
  foreign: WebForeignTrust;
  statusLists: Map<string, { list: WebStatusList; fetchedAt: number }>;
  report: WebBundleLoadReport;
}

const codeOf = (error: unknown): string => {
  if (isWebVerifyError(error) || error instanceof CredentialError) return error.code;
  throw error;
};

async function loadStatusLists(bundle: WebBundle, trust: WebTrustStore, now: number) {
  const lists = new Map<string, { list: WebStatusList; fetchedAt: number }>();
  const refused: { url: string; code: string }[] = [];
  let loaded = 0;
  for (const { url, jws, fetchedAt } of bundle.statusLists) {
    try {
      const list = await verifyStatusList(jws, { url, trust, now });
      const previous = lists.get(url)?.list;
      if (previous?.validFrom !== undefined && (list.validFrom ?? 0) < previous.validFrom) {
        refused.push({ url, code: 'STATUS_UNAVAILABLE' });
        continue;
      }
      lists.set(url, { list, fetchedAt: Date.parse(fetchedAt) });
      loaded += 1;
    } catch (error) {
      refused.push({ url, code: codeOf(error) });
    }
  }
  return { lists, loaded, refused };
}

/**
 * Verifies a parsed bundle as `loadBundle` of the verifier service does: the trust list and rules
 * against the pinned operator keys, each status list against the trust list's keys, and DID documents
 * only for trusted issuers. A refused part is reported, and verification goes on without it.
 */
export async function loadBundleData(
  bundle: WebBundle,
  operatorKeys: readonly OperatorKey[],
  now: Date,
): Promise<LoadedData> {
  let trustList: WebTrustList | undefined;
  let trustCode: string | undefined;
  try {
    trustList = await acceptTrustList(bundle.trustList, undefined, { now, operatorKeys });
  } catch (error) {
    trustCode = codeOf(error);
  }
  let ruleSet: RuleSet | undefined;
  let rulesCode: string | undefined;
  if (bundle.rules) {
    try {
      ruleSet = await acceptRuleSet(bundle.rules, operatorKeys, { now });
    } catch (error) {
      rulesCode = codeOf(error);
    }
  }
  const listed = await createWebTrustStore(trustList ? passageEntriesOf(trustList) : []);
  const { lists, loaded, refused } = await loadStatusLists(bundle, listed, now.getTime());
  const documents = new Map<string, Record<string, unknown>>();
  for (const doc of bundle.didDocuments) {
    if (listed.findIssuer(doc.did)) documents.set(doc.did, doc.document);
  }
  const foreign = await createWebForeignTrust(trustList?.entries ?? []);
  return {
    trustList,
    ruleSet,
    trust: await withDocumentKeys(listed, documents),
    foreign,
    statusLists: lists,
    report: {
      trustList: trustCode === undefined ? { ok: true } : { ok: false, code: trustCode },
      ...(bundle.rules
        ? { rules: rulesCode === undefined ? { ok: true } : { ok: false, code: rulesCode } }
        : {}),
      statusLists: { loaded, refused },
      didDocuments: documents.size,
    },
  };
}
