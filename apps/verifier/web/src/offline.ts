import { type OfficerAnswer, parseAnswer } from './answer.js';

/** The last bundle and operator keys the page got from the service, and when. */
export interface StoredData {
  bundle: unknown;
  keys: unknown[];
  /** When the service last handed this data over (ISO 8601): what "data from" shows. */
  savedAt: string;
}

const CACHE = 'passage-officer-data';
const RECORD = new URL('./offline-data.json', location.href).href;

/**
 * What the page uses of `@passage/web-verify` (see its README). Declared here, not imported: the
 * module is loaded from web-verify.js at run time, and its sources are typechecked by the root project.
 */
interface WebVerifier {
  readonly loaded: { trustList: { ok: boolean } };
  verify(input: string, options: Ask): Promise<unknown>;
}
interface WebVerifyModule {
  createWebVerifier(bundle: unknown, options: { operatorKeys: readonly unknown[] }): Promise<WebVerifier>;
}

/** The web verifier is loaded only when needed: it is about 700 KiB (210 KiB gzip). */
const loadWebVerify = (): Promise<WebVerifyModule> =>
  import(new URL('./web-verify.js', import.meta.url).href) as Promise<WebVerifyModule>;

let current: { savedAt: string; verifier: WebVerifier } | undefined;

async function verifierFor(data: StoredData): Promise<WebVerifier> {
  if (current?.savedAt === data.savedAt) return current.verifier;
  const web = await loadWebVerify();
  const verifier = await web.createWebVerifier(data.bundle, { operatorKeys: data.keys });
  current = { savedAt: data.savedAt, verifier };
  return verifier;
}

/** The data stored by the last successful {@link refreshData}, if any. */
export async function storedData(): Promise<StoredData | undefined> {
  if (!('caches' in globalThis)) return undefined;
  const hit = await (await caches.open(CACHE)).match(RECORD);
  return hit ? ((await hit.json()) as StoredData) : undefined;
}

/**
 * Fetches `/v1/bundle` and `/v1/operator-keys`, checks the bundle verifies against the keys (its trust
 * list must be accepted) and stores both. Answers the stored data, or undefined when the service
 * cannot be reached or has no bundle (the old data, if any, stays).
 */
export async function refreshData(): Promise<StoredData | undefined> {
  try {
    const [bundleRes, keysRes] = await Promise.all([
      fetch('/v1/bundle', { cache: 'no-cache', signal: AbortSignal.timeout(10_000) }),
      fetch('/v1/operator-keys', { cache: 'no-cache', signal: AbortSignal.timeout(10_000) }),
    ]);
    if (!bundleRes.ok || !keysRes.ok) return undefined;
    const bundle: unknown = await bundleRes.json();
    const { keys } = (await keysRes.json()) as { keys: unknown[] };
    const data: StoredData = { bundle, keys, savedAt: new Date().toISOString() };
    const verifier = await verifierFor(data);
    if (!verifier.loaded.trustList.ok) return undefined;
    if ('caches' in globalThis) {
      const response = new Response(JSON.stringify(data), {
        headers: { 'content-type': 'application/json' },
      });
      await (await caches.open(CACHE)).put(RECORD, response);
    }
    return data;
  } catch {
    return undefined;
  }
}

/** What the officer asks besides the QR text. */
export interface Ask {
  economy?: string;
  arrivalDate?: string;
}

/** Verifies in the browser from the stored bundle; undefined when no bundle was ever stored. */
export async function verifyOffline(
  text: string,
  ask: Ask,
): Promise<{ answer: OfficerAnswer; dataFrom: string } | undefined> {
  const data = await storedData();
  if (!data) return undefined;
  const verifier = await verifierFor(data);
  const answer = parseAnswer(await verifier.verify(text, ask));
  return { answer, dataFrom: data.savedAt };
}
