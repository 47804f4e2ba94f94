import { isFetchableUrl } from '@passage/credentials';

/** How one request for a published document is bounded. */
export interface RemoteOptions {
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  maxBytes?: number;
  accept?: string;
}

/** Why a document could not be had, without the body (it may be hostile). */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
}

/**
 * GETs a published document (trust list, rule set, status list index) as text: http(s) only, no
 * redirects, with a timeout and a size bound on the body.
 *
 * @throws RemoteError for a refused URL, a network failure, a non-2xx answer or an oversized body.
 */
export async function fetchText(url: string, options: RemoteOptions = {}): Promise<string> {
  if (!isFetchableUrl(url)) throw new RemoteError('only http(s) URLs without credentials are fetched');
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      headers: { accept: options.accept ?? 'application/json' },
      redirect: 'error',
    });
  } catch {
    throw new RemoteError('the request failed');
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new RemoteError(`the server answered ${response.status}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new RemoteError('the document is larger than allowed');
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** {@link fetchText}, parsed as JSON. */
export async function fetchJson(url: string, options: RemoteOptions = {}): Promise<unknown> {
  const text = await fetchText(url, options);
  try {
    return JSON.parse(text);
  } catch {
    throw new RemoteError('the document is not JSON');
  }
}
