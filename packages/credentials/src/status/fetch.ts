import { looksLikeCompactJws } from '../jws/compact.js';

/** How one status list request is made and bounded. */
export interface StatusListFetchOptions {
  /** The fetch implementation; tests inject one. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Abort the request (headers and body) after this many milliseconds. */
  timeoutMs: number;
  /** Refuse a body larger than this many bytes. */
  maxBytes: number;
  /** The `ETag` of the copy held, for a conditional GET. */
  etag?: string;
}

/** The answer of one request: a new list, "unchanged" (304), or why there is none. */
export type StatusListFetchResult =
  | { kind: 'ok'; jws: string; etag?: string }
  | { kind: 'not-modified' }
  | { kind: 'error'; message: string };

/** True for the URLs a verifier may dereference: http(s) only, no credentials in the URL. */
export function isFetchableUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return (
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

async function readBounded(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * GETs a status list credential as `application/vc+jwt`, conditionally when an ETag is held.
 * Bounded by a timeout and a size limit; redirects are refused, since a list lives at the URL its
 * issuer signed. Never throws: failures come back as `{kind: 'error'}` with a message naming no
 * token.
 */
export async function fetchStatusList(
  url: string,
  options: StatusListFetchOptions,
): Promise<StatusListFetchResult> {
  if (!isFetchableUrl(url)) return { kind: 'error', message: 'the status list URL is not http(s)' };
  const headers: Record<string, string> = { accept: 'application/vc+jwt' };
  if (options.etag !== undefined) headers['if-none-match'] = options.etag;
  try {
    const response = await (options.fetch ?? globalThis.fetch)(url, {
      headers,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (response.status === 304 && options.etag !== undefined) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { kind: 'error', message: `the status list server answered HTTP ${response.status}` };
    }
    const body = await readBounded(response, options.maxBytes);
    if (body === undefined) return { kind: 'error', message: 'the status list response is too large' };
    const jws = body.toString('utf8').trim();
    if (!looksLikeCompactJws(jws)) return { kind: 'error', message: 'the status list is not a compact JWS' };
    const etag = response.headers.get('etag');
    return etag === null ? { kind: 'ok', jws } : { kind: 'ok', jws, etag };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {
      kind: 'error',
      message: timedOut ? 'the status list request timed out' : 'the status list could not be fetched',
    };
  }
}
