import {
  createDidResolver,
  createStatusListCache,
  createTrustStore,
  didWebMethod,
  type StatusListCache,
  type TrustStore,
} from '@passage/credentials';
import { type RuleSet, verifyRuleSet } from '@passage/rules';
import { type ForeignTrust, foreignTrustOf, type OperatorPublicJwk } from '@passage/trust';
import type { DIDResolutionResult, Resolvable } from 'did-resolver';
import type { OfflineBundle } from './bundle/bundle.js';
import { type DocumentInfo, type SignedSource, signedSource } from './signed-source.js';
import { createStatusKeeper } from './status-keeper.js';
import { type TrustListInfo, trustListSource } from './trust-list-source.js';
import { NO_FOREIGN_TRUST, type TrustSource } from './trust-source.js';

/** Which data a verdict rests on and how fresh it is: goes into every answer. */
export interface DataSources {
  /** The signed trust list in force, or `unsigned-file` for a development trust file. */
  trustList: TrustListInfo | { source: 'unsigned-file' } | { source: 'none' };
  rules?: DocumentInfo;
  /** False when the verifier runs with no network (bundle and files only). */
  network: boolean;
  bundleCreatedAt?: string;
}

/** What loading a bundle took and refused. */
export interface BundleLoadReport {
  trustList: { ok: boolean; code?: string };
  rules?: { ok: boolean; code?: string };
  statusLists: { loaded: number; refused: { url: string; code: string }[] };
  didDocuments: number;
}

/** Everything a verification reads besides the credential, kept current in the background. */
export interface VerifierData {
  trust(): TrustStore;
  /** The DCC, SHC and ICAO trust of the same list (or file) as {@link trust}, prepared once per list. */
  foreign(): ForeignTrust;
  rules(): RuleSet | undefined;
  sources(): DataSources;
  readonly statusLists: StatusListCache;
  readonly resolver: Resolvable;
  readonly network: boolean;
  /** Fetches the trust list and rules now (an operator's "refresh on demand"). */
  refresh(): Promise<{ trustList?: TrustListInfo; rules?: DocumentInfo }>;
  loadBundle(bundle: OfflineBundle): BundleLoadReport;
  /**
   * The data held, as an offline bundle (the signed trust list and rules as accepted, the status lists
   * and the DID documents held), for the officer's page; undefined while no signed trust list is held.
   */
  exportBundle(now?: Date): OfflineBundle | undefined;
  /**
   * {@link VerifierData.exportBundle} after bringing every trusted issuer's status lists up to date
   * (online only), waiting at most `timeoutMs` for that; what is held is answered either way.
   */
  freshBundle(timeoutMs?: number): Promise<OfflineBundle | undefined>;
  /** The pinned operator keys (empty with an unsigned development trust file). */
  operatorKeys(): readonly OperatorPublicJwk[];
  /** Starts refreshing every `intervalSec`; stopped by `close`. */
  start(intervalSec: number): void;
  close(): void;
}

/** How the verifier's data is configured. Without a signed trust list, `fallbackTrust` is used. */
export interface VerifierDataOptions {
  operatorKeys?: OperatorPublicJwk[];
  trustListUrl?: string;
  trustListFile?: string;
  entryRulesUrl?: string;
  entryRulesFile?: string;
  /** The unsigned development trust file's source, used when no signed list is configured. */
  fallbackTrust?: TrustSource;
  network?: boolean;
  statusMaxStaleSec?: number;
  statusLists?: StatusListCache;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  onEvent?: (event: string, fields: Record<string, unknown>) => void;
}

interface HeldDidDocument {
  document: Record<string, unknown>;
  fetchedAt: string;
}

/** A did-resolver that answers from documents a bundle carried, then falls back (online only). */
function bundleAwareResolver(
  documents: Map<string, HeldDidDocument>,
  fallback: Resolvable | undefined,
): Resolvable {
  return {
    async resolve(did: string): Promise<DIDResolutionResult> {
      const held = documents.get(did.split('#')[0] ?? did)?.document;
      if (held !== undefined) {
        return {
          didDocument: held as DIDResolutionResult['didDocument'],
          didDocumentMetadata: {},
          didResolutionMetadata: {},
        };
      }
      if (fallback) return fallback.resolve(did);
      return {
        didDocument: null,
        didDocumentMetadata: {},
        didResolutionMetadata: {
          error: 'notFound',
          message: 'offline: the DID document is not in the bundle',
        },
      };
    },
  };
}

/**
 * Builds the verifier's data: a signed trust list and entry rules (each from a URL, a file or a
 * bundle, checked against the pinned operator key, never replaced by a worse document), a status list
 * cache and a DID resolver. With `network: false` nothing is ever fetched.
 */
export function createVerifierData(options: VerifierDataOptions): VerifierData {
  const network = options.network ?? true;
  const now = options.now ?? (() => new Date());
  const keys = options.operatorKeys ?? [];
  const remote = { ...(options.fetch ? { fetch: options.fetch } : {}) };
  const emit = options.onEvent ?? (() => {});
  const signedTrust = keys.length > 0;

  const trustList = trustListSource({
    operatorKey: keys,
    ...(network && options.trustListUrl ? { url: options.trustListUrl } : {}),
    ...(options.trustListFile ? { file: options.trustListFile } : {}),
    remote,
    now,
    onChange: (l, origin) =>
      emit('trust list accepted', { version: l.version, origin, entries: l.entries.length }),
    onError: (code, origin) => emit('trust list refused', { code, origin }),
  });
  const rules: SignedSource<RuleSet> = signedSource({
    accept: (candidate, held, at) => verifyRuleSet(candidate, keys, held ? { now: at, held } : { now: at }),
    describe: (r) => ({
      version: r.version,
      issuedAt: r.issuedAt,
      ...(r.validUntil === undefined ? {} : { validUntil: r.validUntil }),
    }),
    ...(network && options.entryRulesUrl ? { url: options.entryRulesUrl } : {}),
    ...(options.entryRulesFile ? { file: options.entryRulesFile } : {}),
    remote,
    now,
    onChange: (r, origin) => emit('entry rules accepted', { version: r.version, origin }),
    onError: (code, origin) => emit('entry rules refused', { code, origin }),
  });

  rules.readFile();
  const empty = createTrustStore({ entries: [] });
  const trust = (): TrustStore =>
    signedTrust ? trustList.current() : (options.fallbackTrust?.current() ?? empty);
  const foreign = (): ForeignTrust => {
    if (!signedTrust) return options.fallbackTrust?.foreign?.() ?? NO_FOREIGN_TRUST;
    const list = trustList.list();
    return list ? foreignTrustOf(list.entries) : NO_FOREIGN_TRUST;
  };

  const statusLists =
    options.statusLists ??
    createStatusListCache({
      network,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      now: () => now().getTime(),
      ...(options.statusMaxStaleSec === undefined ? {} : { maxStaleSec: options.statusMaxStaleSec }),
    });
  const didDocuments = new Map<string, HeldDidDocument>();
  const web = network ? createDidResolver({ web: didWebMethod(remote) }) : createDidResolver();
  const resolver = bundleAwareResolver(didDocuments, web);
  let bundleCreatedAt: string | undefined;
  let sourcesMemo: { key: string; value: DataSources } | undefined;
  let timer: NodeJS.Timeout | undefined;

  const keeper = createStatusKeeper({
    list: () => (network && signedTrust ? trustList.list() : undefined),
    trust,
    statusLists,
    remote,
    now,
  });

  const refresh = async () => {
    if (signedTrust) await Promise.all([trustList.refresh(), rules.refresh()]);
    await keeper.refresh();
    const t = trustList.info();
    const r = rules.info();
    return { ...(t ? { trustList: t } : {}), ...(r ? { rules: r } : {}) };
  };

  const exportBundle = (at = now()): OfflineBundle | undefined => {
    const list = signedTrust ? trustList.list() : undefined;
    if (!list) return undefined;
    const r = rules.current();
    return {
      type: 'PassageOfflineBundle',
      createdAt: at.toISOString(),
      trustList: list as unknown as Record<string, unknown>,
      ...(r ? { rules: r as unknown as Record<string, unknown> } : {}),
      statusLists: statusLists.export(),
      didDocuments: [...didDocuments].map(([did, held]) => ({ did, ...held })),
    };
  };

  return {
    trust,
    foreign,
    rules: () => rules.current(),
    sources() {
      // Every answer carries this; it changes only with an update offered and with the clock's
      // second (ages are in seconds), so it is built once per such change, not per verification.
      const key = `${trustList.revision()}:${rules.revision()}:${bundleCreatedAt}:${Math.floor(now().getTime() / 1000)}`;
      if (sourcesMemo?.key === key) return sourcesMemo.value;
      const info = trustList.info();
      const r = rules.info();
      const value: DataSources = {
        trustList: signedTrust
          ? (info ?? { source: 'none' })
          : options.fallbackTrust
            ? { source: 'unsigned-file' }
            : { source: 'none' },
        ...(r ? { rules: r } : {}),
        network,
        ...(bundleCreatedAt ? { bundleCreatedAt } : {}),
      };
      sourcesMemo = { key, value: Object.freeze(value) };
      return value;
    },
    statusLists,
    resolver,
    network,
    refresh,
    loadBundle(bundle) {
      const t = trustList.load(bundle.trustList, 'bundle', new Date(bundle.createdAt));
      const r = bundle.rules ? rules.load(bundle.rules, 'bundle', new Date(bundle.createdAt)) : undefined;
      const refused: { url: string; code: string }[] = [];
      let loaded = 0;
      // The trust list just loaded decides which lists and DID documents are kept.
      const trusted = trust();
      for (const entry of bundle.statusLists) {
        const result = statusLists.load(entry.url, entry.jws, {
          source: 'bundle',
          fetchedAt: entry.fetchedAt,
          trust: trusted,
        });
        if (result.ok) loaded += 1;
        else refused.push({ url: entry.url, code: result.code });
      }
      // Only trusted issuers' documents are kept: a bundle cannot bring keys for anyone else.
      for (const doc of bundle.didDocuments) {
        if (trusted.findIssuer(doc.did))
          didDocuments.set(doc.did, { document: doc.document, fetchedAt: doc.fetchedAt });
      }
      bundleCreatedAt = bundle.createdAt;
      return {
        trustList: t.ok ? { ok: true } : { ok: false, code: t.code },
        ...(r ? { rules: r.ok ? { ok: true } : { ok: false, code: r.code } } : {}),
        statusLists: { loaded, refused },
        didDocuments: didDocuments.size,
      };
    },
    exportBundle,
    async freshBundle(timeoutMs = 3_000) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([keeper.refresh(), late]);
      clearTimeout(timer);
      return exportBundle();
    },
    operatorKeys: () => keys,
    start(intervalSec) {
      if (!signedTrust) return;
      if (timer) clearInterval(timer);
      timer = setInterval(() => void refresh(), intervalSec * 1000);
      timer.unref();
    },
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
