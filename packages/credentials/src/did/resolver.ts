import { getDidJwkResolver } from '@veramo/did-provider-jwk';
import { getDidKeyResolver } from '@veramo/did-provider-key';
import { type DIDResolutionResult, type DIDResolver, Resolver } from 'did-resolver';
import { didWebToUrl } from './did-web.js';

const MAX_DID_DOCUMENT_BYTES = 64 * 1024;

const notFound = (message: string): DIDResolutionResult => ({
  didDocument: null,
  didDocumentMetadata: {},
  didResolutionMetadata: { error: 'notFound', message },
});

/**
 * A did:web method for did-resolver that fetches the DID document with a timeout and a size bound,
 * and checks that the document names the DID asked for. `http` is used only for loopback hosts.
 */
export function didWebMethod(options: { timeoutMs?: number; fetch?: typeof fetch } = {}): DIDResolver {
  const doFetch = options.fetch ?? fetch;
  return async (did) => {
    try {
      const loopback = /^did:web:(localhost|127\.0\.0\.1)(%3A\d+)?(:|$)/.test(did);
      const response = await doFetch(didWebToUrl(did, loopback ? 'http' : 'https'), {
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        headers: { accept: 'application/did+json, application/json' },
        redirect: 'error',
      });
      const text = await response.text();
      if (!response.ok || text.length > MAX_DID_DOCUMENT_BYTES)
        return notFound('the DID document could not be read');
      const document = JSON.parse(text) as { id?: unknown };
      if (document.id !== did) return notFound('the DID document names another DID');
      return {
        didDocument: document as DIDResolutionResult['didDocument'],
        didDocumentMetadata: {},
        didResolutionMetadata: {},
      };
    } catch {
      return notFound('the DID document could not be fetched');
    }
  };
}

/**
 * A did-resolver with a cache, for did:jwk and did:key (no network) and, when `web` is set, did:web.
 * Verification only resolves DIDs of issuers the trust list names.
 */
export function createDidResolver(options: { web?: DIDResolver } = {}): Resolver {
  return new Resolver(
    { ...getDidJwkResolver(), ...getDidKeyResolver(), ...(options.web ? { web: options.web } : {}) },
    { cache: true },
  );
}
